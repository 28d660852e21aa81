/**
 * A short history that shows every colour the timeline paints: one event per
 * category, every tone, every status colour, an internal badge, initials,
 * amounts, links, changes and attachments.
 */
import type { TimelineEvent } from '../../src/model/event.js';
import { makeEvent, NOW } from './events.js';

const HOUR = 3_600_000;

export function showcaseEvents(): TimelineEvent[] {
  const specs: Partial<TimelineEvent>[] = [
    { type: 'email.sent', status: 'Sent', detail: { subject: 'Proposal', from: 'ana@example.com', to: ['karina@example.com'], body: 'Hello Karina,\nAttached.', url: 'https://crm.example/records/1' } },
    { type: 'call.failed', tone: 'failed', status: 'Overdue', detail: { durationSeconds: 0, outcome: 'No answer' } },
    { type: 'meeting.scheduled', status: 'To Schedule', detail: { location: 'Office', startsAt: new Date(NOW - 2 * HOUR).toISOString() } },
    { type: 'task.completed', status: 'Completed' },
    { type: 'task.overdue', tone: 'warning' },
    { type: 'booking.created', status: 'In Progress' },
    { type: 'note.added', visibility: 'internal', detail: { body: 'Internal note', editedAt: new Date(NOW - HOUR).toISOString() } },
    { type: 'proposal.sent', status: 'Open', detail: { amount: { value: 480000, currency: 'CRC' } } },
    { type: 'invoice.credited', status: 'Credited', detail: { amount: { value: 1234, currency: 'BRL' } } },
    { type: 'file.uploaded', status: 'Draft', detail: { attachments: [{ name: 'contract.pdf', url: 'https://crm.example/f/1', size: 120_000 }] } },
    { type: 'chat.message', summary: 'Can we move the call?' },
    { type: 'contact.field-edited', detail: { changes: [{ field: 'Phone', from: '555-0100', to: '555-0199' }] } },
    { type: 'spaceship.launched' },
    // Tones without a status have a chip of their own (with a status, the tone colours the status chip).
    { type: 'payment.received' },
    { type: 'payment.failed', tone: 'failed' },
  ];
  return specs.map((spec, i) => makeEvent(i, { title: `${spec.type} showcase`, tone: undefined, ...spec }));
}
