import { checkPageResult, TimelineFetchError, type AdapterCapabilities, type PageQuery, type PageResult, type TimelineAdapter } from './adapter.js';
import { parseRetryAfter } from './retry.js';

/**
 * The built-in HTTP adapter:
 * `GET <src>?client=<id>&limit=<n>[&cursor=<c>][&before=<iso>][&at=<n>][&types=a,b][&q=<text>][&authors=a,b][&since=<iso>][&until=<iso>]`
 * answered by JSON `{ "events": [...], "nextCursor": string | null, "counts"?: { [type]: n }, "total"?: n, "position"?: n, "stream"?: url }`.
 * The server applies the filter. A server that answers `position` is taken to honour `before` (seek) from then on.
 * A server that names a `stream` (server-sent events, `event: events` with a JSON array of events) in a first page is
 * followed with an `EventSource` while the element subscribes; without one, the element's polling is all there is.
 */
export class HttpAdapter implements TimelineAdapter {
  readonly capabilities: AdapterCapabilities = { filter: true, seek: false };
  /** The event stream each client's first page named. */
  private readonly streams = new Map<string, string>();
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    readonly src: string,
    private readonly init: RequestInit = {},
  ) {}

  /** The URL of one page request. */
  url(query: Omit<PageQuery, 'signal'>): URL {
    const url = new URL(this.src, document.baseURI);
    const params = url.searchParams;
    params.set('client', query.clientId);
    params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.before) params.set('before', query.before);
    if (query.at !== undefined) params.set('at', String(query.at));
    if (query.filter.types?.length) params.set('types', query.filter.types.join(','));
    if (query.filter.search) params.set('q', query.filter.search);
    if (query.filter.authors?.length) params.set('authors', query.filter.authors.join(','));
    if (query.filter.statuses?.length) params.set('statuses', query.filter.statuses.join(','));
    if (query.filter.recordTypes?.length) params.set('recordTypes', query.filter.recordTypes.join(','));
    if (query.filter.recordId) params.set('record', query.filter.recordId);
    if (query.filter.since) params.set('since', query.filter.since);
    if (query.filter.until) params.set('until', query.filter.until);
    return url;
  }

  async fetchPage(query: PageQuery): Promise<PageResult> {
    const url = this.url(query);
    let response: Response;
    try {
      response = await fetch(url, {
        ...this.init,
        headers: { Accept: 'application/json', ...(this.init.headers as Record<string, string> | undefined) },
        signal: query.signal,
      });
    } catch (cause) {
      if (query.signal.aborted) throw cause;
      throw new TimelineFetchError(`Could not reach ${url.origin}${url.pathname}: the network request failed`, undefined, { cause, network: true });
    }
    if (!response.ok) {
      const reason = await errorText(response);
      throw new TimelineFetchError(
        `${url.pathname} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${reason ? `: ${reason}` : ''}`,
        response.status,
        { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) },
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new TimelineFetchError(`${url.pathname} answered ${type} that is not JSON`, response.status, { cause });
    }
    const page = this.learn(checkPageResult(body, url.pathname));
    const stream = (body as { stream?: unknown }).stream;
    if (!query.cursor && query.before === undefined && query.at === undefined && typeof stream === 'string') this.noteStream(query.clientId, stream, url);
    return page;
  }

  /** What an answer of the server tells about it (a page with a `position`: it seeks); the page itself. */
  learn(page: PageResult): PageResult {
    if (page.position !== undefined) this.capabilities.seek = true;
    return page;
  }

  /**
   * Follows the client's event stream, once a first page has named one, for as long as the subscription lasts:
   * each `events` message is handed to `onEvents`. The browser's `EventSource` reconnects by itself (and the server
   * resumes after the last change it sent); a stream refused for good is left closed.
   */
  subscribe(clientId: string, onEvents: (events: unknown[]) => void): () => void {
    const subscription: Subscription = { clientId, onEvents, source: null, url: null };
    this.subscriptions.add(subscription);
    this.follow(subscription);
    return () => {
      this.subscriptions.delete(subscription);
      subscription.source?.close();
      subscription.source = null;
    };
  }

  /** Whether a stream is followed for `clientId` now. */
  streaming(clientId: string): boolean {
    return [...this.subscriptions].some((s) => s.clientId === clientId && s.source !== null && s.source.readyState !== EventSource.CLOSED);
  }

  private noteStream(clientId: string, stream: string, pageUrl: URL): void {
    let href: string;
    try {
      href = new URL(stream, pageUrl).href;
    } catch {
      return;
    }
    if (this.streams.get(clientId) === href) return;
    this.streams.set(clientId, href);
    for (const subscription of this.subscriptions) if (subscription.clientId === clientId) this.follow(subscription);
  }

  private follow(subscription: Subscription): void {
    const href = this.streams.get(subscription.clientId);
    if (!href || typeof EventSource === 'undefined' || (subscription.url === href && subscription.source)) return;
    subscription.source?.close();
    const source = new EventSource(href, { withCredentials: this.init.credentials === 'include' });
    source.addEventListener('events', (message) => {
      let events: unknown;
      try {
        events = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      if (Array.isArray(events) && events.length && this.subscriptions.has(subscription)) subscription.onEvents(events);
    });
    subscription.source = source;
    subscription.url = href;
  }
}

interface Subscription {
  clientId: string;
  onEvents: (events: unknown[]) => void;
  source: EventSource | null;
  url: string | null;
}

async function errorText(response: Response): Promise<string> {
  try {
    const text = (await response.text()).trim();
    if (!text) return '';
    try {
      const json = JSON.parse(text) as { error?: unknown; message?: unknown };
      const message = json.error ?? json.message;
      if (typeof message === 'string') return message.slice(0, 200);
    } catch {
      /* not JSON: fall through */
    }
    return (response.headers.get('content-type') ?? '').includes('html') ? '' : text.slice(0, 200);
  } catch {
    return '';
  }
}
