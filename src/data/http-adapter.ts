import { checkPageResult, TimelineFetchError, type AdapterCapabilities, type PageQuery, type PageResult, type TimelineAdapter } from './adapter.js';
import { parseRetryAfter } from './retry.js';

/**
 * The built-in HTTP adapter:
 * `GET <src>?client=<id>&limit=<n>[&cursor=<c>][&before=<iso>][&at=<n>][&types=a,b][&q=<text>][&authors=a,b][&since=<iso>][&until=<iso>]`
 * answered by JSON `{ "events": [...], "nextCursor": string | null, "counts"?: { [type]: n }, "total"?: n, "position"?: n }`.
 * The server applies the filter. A server that answers `position` is taken to honour `before` (seek) from then on.
 */
export class HttpAdapter implements TimelineAdapter {
  readonly capabilities: AdapterCapabilities = { filter: true, seek: false };

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
    return this.learn(checkPageResult(body, url.pathname));
  }

  /** What an answer of the server tells about it (a page with a `position`: it seeks); the page itself. */
  learn(page: PageResult): PageResult {
    if (page.position !== undefined) this.capabilities.seek = true;
    return page;
  }
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
