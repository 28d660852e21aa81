import { expect, waitUntil } from '@open-wc/testing';
import { buildRows } from '../../src/data/rows.js';
import type { TimelineEvent, TimelineItem } from '../../src/model/event.js';
import { articles, mount, rendered, settle } from '../support/fixture.js';
import { NOW, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const record = { id: 'msg-77', type: 'email' };
/** Newest first: a reply, an unrelated note, the first email opened, the first email; a chat thread by threadId. */
const EVENTS: TimelineEvent[] = [
  { id: 'opened-2', type: 'email.opened', occurredAt: iso(NOW - 2 * DAY), title: 'Email opened: Re: Pro Plan quote', record },
  { id: 'reply', type: 'email.received', occurredAt: iso(NOW - 3 * DAY), title: 'Re: Pro Plan quote', record, detail: { body: 'Looks good, one question.' } },
  { id: 'note', type: 'note.added', occurredAt: iso(NOW - 4 * DAY), title: 'Note added' },
  { id: 'chat-2', type: 'chat.message', occurredAt: iso(NOW - 5 * DAY), title: 'Chat: see you Monday', detail: { threadId: 'wa-1' } },
  { id: 'opened-1', type: 'email.opened', occurredAt: iso(NOW - 6 * DAY), title: 'Email opened: Pro Plan quote', record },
  { id: 'chat-1', type: 'chat.message', occurredAt: iso(NOW - 6 * DAY - 60_000), title: 'Chat: hello', detail: { threadId: 'wa-1' } },
  { id: 'first', type: 'email.sent', occurredAt: iso(NOW - 7 * DAY), title: 'Pro Plan quote', record, detail: { body: 'Here is the quote.' } },
  { id: 'lonely', type: 'email.sent', occurredAt: iso(NOW - 8 * DAY), title: 'Newsletter', detail: { threadId: 'solo' } },
];
const items = (events: TimelineEvent[]): TimelineItem[] => events.map((e) => ({ ...e, time: Date.parse(e.occurredAt) }));

describe('threads', () => {
  it('a conversation is one row where its latest event is; opens join the email they are about', () => {
    const rows = buildRows(items(EVENTS), (t) => new Date(t).toISOString().slice(0, 10));
    expect(rows.map((r) => r.key)).to.deep.equal(['thread:r:msg-77', 'note', 'thread:t:wa-1', 'lonely']);
    const [email, , chat] = rows;
    expect(email.kind === 'group' && email.items.map((i) => i.id)).to.deep.equal(['opened-2', 'reply', 'opened-1', 'first']);
    expect(chat.kind === 'group' && chat.items.map((i) => i.id)).to.deep.equal(['chat-2', 'chat-1']);
  });

  it('the row is the latest message with "N messages · opened …"; expanded, every message in order', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(EVENTS), height: 700 });
    await rendered(el, 4);
    const thread = articles(el)[0];
    expect(thread.querySelector('[part~="title"]')!.textContent).to.equal('Re: Pro Plan quote');
    expect(thread.querySelector('[part~="summary"]')!.textContent).to.equal('2 messages · opened 2 days ago');
    expect(articles(el).length).to.equal(4);
    thread.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
    await waitUntil(() => thread.querySelector('[part~="detail"] .folded'), 'the thread');
    await settle(el);
    const titles = [...thread.querySelectorAll('.folded-title')].map((t) => t.textContent);
    expect(titles).to.deep.equal(['Pro Plan quote', 'Email opened: Pro Plan quote', 'Re: Pro Plan quote', 'Email opened: Re: Pro Plan quote']);
  });
});
