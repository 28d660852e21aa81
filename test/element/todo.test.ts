import { expect, waitUntil } from '@open-wc/testing';
import { openWork } from '../../src/data/todo.js';
import type { TimelineEvent, TimelineItem } from '../../src/model/event.js';
import { mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, NOW, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
/** Newest first, as loaded. */
const WORK: TimelineEvent[] = [
  { id: 'task-2-done', type: 'task.completed', occurredAt: iso(NOW - 1 * DAY), title: 'Task done: send the contract', record: { id: 'T-2', type: 'task' } },
  { id: 'email-scheduled', type: 'email.scheduled', occurredAt: iso(NOW - 2 * DAY), title: 'Email scheduled: renewal offer', detail: { scheduledAt: iso(NOW + 3 * DAY) } },
  { id: 'meeting-next', type: 'meeting.scheduled', occurredAt: iso(NOW - 3 * DAY), title: 'Meeting: quarterly review', detail: { startsAt: iso(NOW + 1 * DAY) } },
  { id: 'meeting-past', type: 'meeting.scheduled', occurredAt: iso(NOW - 10 * DAY), title: 'Meeting: kickoff', detail: { startsAt: iso(NOW - 9 * DAY) } },
  { id: 'task-1', type: 'task.created', occurredAt: iso(NOW - 4 * DAY), title: 'Task: call Karina back', status: 'Open', detail: { dueAt: iso(NOW - 1 * DAY) } },
  { id: 'task-2', type: 'task.created', occurredAt: iso(NOW - 5 * DAY), title: 'Task: send the contract', record: { id: 'T-2', type: 'task' }, detail: { dueAt: iso(NOW - 2 * DAY) } },
  { id: 'task-3', type: 'task.created', occurredAt: iso(NOW - 6 * DAY), title: 'Task: book the demo', detail: { dueAt: iso(NOW + 5 * DAY) } },
  { id: 'task-4', type: 'task.created', occurredAt: iso(NOW - 7 * DAY), title: 'Task: cancelled one', status: 'Cancelled', detail: { dueAt: iso(NOW + 1 * DAY) } },
];
const items = (events: TimelineEvent[]): TimelineItem[] => events.map((e) => ({ ...e, time: Date.parse(e.occurredAt) }));

describe('to do', () => {
  it('gathers open work: overdue first, then by date; done, cancelled and past work stay out', () => {
    const work = openWork(items(WORK), NOW);
    expect(work.map((w) => [w.item.id, w.verb, w.overdue])).to.deep.equal([
      ['task-1', 'due', true],
      ['meeting-next', 'starts', false],
      ['email-scheduled', 'sends', false],
      ['task-3', 'due', false],
    ]);
  });

  it('a folded section with its count; unfolded, each item says when and brings its event into view with focus', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([...WORK, ...makeEvents(40, 100).map((e) => ({ ...e, occurredAt: iso(NOW - 20 * DAY - Date.parse(e.occurredAt) % DAY) }))]), height: 600 });
    await rendered(el, 3);
    await waitUntil(() => shadow(el).querySelector('[part~="todo"]'), 'the to-do section');
    const todo = shadow(el).querySelector<HTMLDetailsElement>('[part~="todo"]')!;
    expect(todo.open).to.equal(false);
    expect(todo.querySelector('summary')!.textContent!.trim()).to.equal('To do · 4 (1 overdue)');
    todo.querySelector('summary')!.click();
    await settle(el);
    const entries = [...todo.querySelectorAll<HTMLButtonElement>('[part~="todo-item"]')];
    expect(entries.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Task: call Karina back Due Nov 22, 2026, 6:00 AM · Overdue',
      'Meeting: quarterly review Starts Nov 24, 2026, 6:00 AM',
      'Email scheduled: renewal offer Sends Nov 26, 2026, 6:00 AM',
      'Task: book the demo Due Nov 28, 2026, 6:00 AM',
    ].map((t) => t.replace(/6:00 AM/g, new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(NOW))));
    expect(entries[0].classList.contains('overdue')).to.equal(true);
    entries[3].click();
    await waitUntil(() => (shadow(el).activeElement as HTMLElement | null)?.dataset?.id === 'task-3', 'focus on the task in the history', { timeout: 5_000 });
  });
});
