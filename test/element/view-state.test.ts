import { expect, waitUntil } from '@open-wc/testing';
import type { PageQuery, PageResult } from '../../src/data/adapter.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { articles, mount, rendered, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

/** Every message the list area can show in place of rows; exactly one may be on screen. */
const STATE_PARTS = ['empty-state', 'error-state', 'no-matches'];
const states = (el: ClientTimeline) => {
  const shown = STATE_PARTS.flatMap((part) => [...shadow(el).querySelectorAll(`[part~="${part}"]`)].map(() => part));
  if (shadow(el).querySelector('.state-loading')) shown.push('loading');
  return shown;
};
const noClientShown = (el: ClientTimeline) => !!shadow(el).querySelector('[part="empty-state"]')?.textContent?.includes('No client');

/** Filters on the server, and finds nothing for any filter. */
class EmptyWhenFiltered extends ScriptedAdapter {
  readonly capabilities = { filter: true };
  override async fetchPage(query: PageQuery): Promise<PageResult> {
    const page = await super.fetchPage(query);
    const filtered = Object.keys(query.filter).length > 0;
    return filtered ? { events: [], nextCursor: null } : page;
  }
}

describe('the list area shows exactly one state', () => {
  it('no client: says so, and nothing else', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3)), clientId: '' });
    await el.updateComplete;
    expect(states(el)).to.deep.equal(['empty-state']);
    expect(noClientShown(el)).to.equal(true);
  });

  it('first page in flight: the skeleton only', async () => {
    const adapter = new ScriptedAdapter(makeEvents(3));
    adapter.hold();
    const el = await mount({ adapter });
    expect(states(el)).to.deep.equal(['loading']);
    adapter.release();
    await rendered(el, 3);
    expect(states(el)).to.deep.equal([]);
  });

  it('first page failed: the error with Retry only', async () => {
    const adapter = new ScriptedAdapter(makeEvents(3));
    adapter.failNext = 1;
    adapter.failWith = () => new Error('Bad request');
    const el = await mount({ adapter });
    await waitUntil(() => states(el).includes('error-state'), 'error shown');
    expect(states(el)).to.deep.equal(['error-state']);
  });

  it('a history with no events: the empty state only', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([]) });
    await waitUntil(() => states(el).length && !states(el).includes('loading'), 'settled');
    expect(states(el)).to.deep.equal(['empty-state']);
  });

  it('a server that answers a search with zero events: "no matches" only, not "no activity" as well', async () => {
    const el = await mount({ adapter: new EmptyWhenFiltered(makeEvents(5)) });
    await rendered(el, 5);
    el.q = 'zzz';
    await waitUntil(() => !articles(el).length && !states(el).includes('loading'), 'server answered the search');
    await el.updateComplete;
    expect(states(el)).to.deep.equal(['no-matches']);
    el.q = '';
    await rendered(el, 5);
    expect(states(el)).to.deep.equal([]);
  });

  it('None in the categories with the HTTP adapter: "no matches" only', async () => {
    const el = await mount({ src: '/api/timeline', clientId: 'karina' });
    await rendered(el, 3);
    const none = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="categories"] button')].find((b) => b.textContent!.trim() === 'None')!;
    none.click();
    await waitUntil(() => !articles(el).length && !states(el).includes('loading'), 'server answered');
    await el.updateComplete;
    expect(states(el)).to.deep.equal(['no-matches']);
  });

  it('a local filter that matches nothing in the whole history: "no matches" only', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(20)), pageSize: 10 });
    await rendered(el, 3);
    el.q = 'nothing like this';
    await waitUntil(() => states(el).includes('no-matches'), 'searched the whole history');
    expect(states(el)).to.deep.equal(['no-matches']);
  });
});
