/**
 * Hand-written events, one per look a designer must review: every category, every tone, and each
 * kind of detail (failed call, field changes, amounts, attachments, recordings, HTML email).
 * Times are relative to NOW so relative times read the same on every run.
 */
import type { TimelineEvent } from '../../src/model/event.js';
import { knownTypes } from '../../src/model/catalog.js';
import { MEDIA_BASE, NOW } from './data.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** ISO time `ago` ms before NOW, written in Costa Rica's offset (-06:00). */
export function ago(ms: number): string {
  const local = new Date(NOW - ms - 6 * HOUR);
  return `${local.toISOString().slice(0, 19)}-06:00`;
}

const ana = { name: 'Ana Rojas', id: 'u-ana-rojas', avatarUrl: `${MEDIA_BASE}avatars/ana-rojas.svg` };
const diego = { name: 'Diego Mora', id: 'u-diego-mora', avatarUrl: `${MEDIA_BASE}avatars/diego-mora.svg` };
const sofia = { name: 'Sofía Vargas', id: 'u-sofia-vargas' };
const karina = { name: 'Karina Solís', id: 'c-karina-solis' };
const crm = (path: string) => `https://app.pilot-crm.example/clients/veterinaria-patitas/${path}`;

const failedCall: TimelineEvent = {
  id: 's-call-failed',
  type: 'call.failed',
  occurredAt: ago(2 * HOUR),
  title: 'Call failed: no answer',
  author: ana,
  tone: 'failed',
  summary: 'Outbound call to +506 2288 0000 was not answered.',
  detail: { direction: 'outbound', durationSeconds: 0, body: 'Rang 8 times, no voicemail. Try again after 3 pm.' },
};

const recordedCall: TimelineEvent = {
  id: 's-call-recording',
  type: 'call.recording',
  occurredAt: ago(5 * HOUR),
  title: 'Call recorded: onboarding walkthrough',
  author: diego,
  tone: 'success',
  summary: 'Inbound call, 12 min 4 s, recording attached.',
  detail: {
    direction: 'inbound',
    durationSeconds: 724,
    recordingUrl: `${MEDIA_BASE}recordings/onboarding-walkthrough.wav?seconds=3`,
    body: 'Walked Karina through reminders and the patient record import.',
  },
};

const fieldChanges: TimelineEvent = {
  id: 's-field-changes',
  type: 'contact.field-edited',
  occurredAt: ago(1 * DAY + 3 * HOUR),
  title: 'Contact updated',
  author: sofia,
  detail: {
    changes: [
      { field: 'Lifecycle stage', from: 'Lead', to: 'Customer' },
      { field: 'Phone', from: '+506 2288 0000', to: '+506 8888 1234' },
      { field: 'Company size', from: null, to: 6 },
      { field: 'Newsletter', from: true, to: false },
    ],
  },
};

const quoteWithAmount: TimelineEvent = {
  id: 's-quote-amount',
  type: 'proposal.sent',
  occurredAt: ago(10 * DAY),
  title: 'Proposal sent: Pro Plan quote',
  author: ana,
  status: 'Open',
  summary: 'Pro Plan, 12 months, 3 seats.',
  detail: { amount: { value: 480000, currency: 'CRC' }, url: crm('proposals/pro-plan') },
};

const invoiceOverdue: TimelineEvent = {
  id: 's-invoice-overdue',
  type: 'invoice.overdue',
  occurredAt: ago(12 * DAY),
  title: 'Invoice INV-1042 overdue',
  author: { name: 'Billing' },
  tone: 'warning',
  status: 'Overdue',
  detail: { amount: { value: 1249.5, currency: 'USD' } },
};

const attachments: TimelineEvent = {
  id: 's-attachments',
  type: 'file.uploaded',
  occurredAt: ago(3 * DAY),
  title: 'Files added: signed contract and clinic photos',
  author: diego,
  detail: {
    attachments: [
      { name: 'Contrato-Patitas-firmado.pdf', url: crm('files/contract.pdf'), size: 482_113, mimeType: 'application/pdf' },
      { name: 'clinic-front.jpg', url: crm('files/clinic-front.jpg'), size: 2_310_778, mimeType: 'image/jpeg' },
      { name: 'notes.txt', size: 912, mimeType: 'text/plain' },
    ],
  },
};

const htmlEmail: TimelineEvent = {
  id: 's-html-email',
  type: 'email.received',
  occurredAt: ago(7 * HOUR),
  title: 'Email received: Re: Pro Plan quote',
  author: karina,
  summary: 'Thanks! A couple of questions before we sign.',
  detail: {
    subject: 'Re: Pro Plan quote',
    from: 'karina@veterinariapatitas.example',
    to: ['ana.rojas@pilot-crm.example'],
    bodyFormat: 'html',
    body:
      '<p>Hola Ana,</p><p>Thanks for the quote. Two questions:</p><ol><li>Can reminders go out by <strong>WhatsApp</strong>?</li>' +
      '<li>Is the ₡480,000 price <em>per year</em>?</li></ol><p>See our <a href="https://veterinariapatitas.example/horario">opening hours</a>.</p>' +
      '<script>alert("never runs")</script><img src="x" onerror="alert(1)" alt="">',
  },
};

const note: TimelineEvent = {
  id: 's-note',
  type: 'note.added',
  occurredAt: ago(7 * DAY),
  title: 'Note added',
  author: diego,
  summary: 'She asked to think it over with her accountant.',
  detail: { body: 'She asked to think it over with her accountant.\nFollow up next Tuesday.' },
};

const meeting: TimelineEvent = {
  id: 's-meeting',
  type: 'meeting.scheduled',
  occurredAt: ago(20 * DAY),
  title: 'Meeting: product demo',
  author: ana,
  detail: { location: 'Google Meet', startsAt: ago(18 * DAY), endsAt: ago(18 * DAY - HOUR) },
};

/** One event of each category (and an unknown type), newest first. */
export const everyCategory: TimelineEvent[] = ([
  { id: 'c-email', type: 'email.sent', title: 'Email sent: Pro Plan quote', author: ana, summary: 'Subject: Your Pro Plan quote' },
  { id: 'c-email-open', type: 'email.opened', title: 'Email opened: Pro Plan quote', author: karina },
  { id: 'c-call', type: 'call.logged', title: 'Call logged: follow-up', author: diego, detail: { direction: 'outbound', durationSeconds: 312 } },
  { id: 'c-meeting', type: 'meeting.scheduled', title: 'Meeting scheduled: product demo', author: ana },
  { id: 'c-task', type: 'task.completed', title: 'Task completed: send price list', author: sofia, tone: 'success' as const },
  { id: 'c-note', type: 'note.added', title: 'Note added', author: diego, summary: 'Prefers calls after 3 pm.' },
  { id: 'c-proposal', type: 'proposal.sent', title: 'Proposal sent', author: ana, status: 'Open' },
  { id: 'c-deal', type: 'deal.value-updated', title: 'Deal value updated', author: ana },
  { id: 'c-quote', type: 'quote.accepted', title: 'Quote Q-311 accepted', author: karina, tone: 'success' as const },
  { id: 'c-invoice', type: 'invoice.sent', title: 'Invoice INV-1042 sent', author: { name: 'Billing' } },
  { id: 'c-payment', type: 'payment.received', title: 'Payment received', author: { name: 'Billing' }, tone: 'success' as const },
  { id: 'c-file', type: 'file.uploaded', title: 'File uploaded: contract.pdf', author: diego },
  { id: 'c-attachment', type: 'attachment.added', title: 'Attachment added: photo.jpg', author: diego },
  { id: 'c-chat', type: 'chat.message', title: 'Chat: "Do you have Saturday slots?"', author: karina },
  { id: 'c-contact', type: 'contact.created', title: 'Contact created', author: sofia },
  { id: 'c-customer', type: 'customer.assigned', title: 'Customer assigned to Ana Rojas', author: sofia },
  { id: 'c-unknown', type: 'loyalty.points-earned', title: 'Loyalty points earned', author: { name: 'Loyalty bot' } },
] satisfies Omit<TimelineEvent, 'occurredAt'>[]).map((e, i) => ({ ...e, occurredAt: ago((i + 1) * 3 * HOUR) }));

/** One event of each tone. */
export const everyTone: TimelineEvent[] = [
  { ...failedCall, id: 't-failed' },
  { id: 't-success', type: 'deal.won', title: 'Deal won: Pro Plan', author: ana, tone: 'success' as const, status: 'Closed won', occurredAt: ago(4 * HOUR) },
  { ...invoiceOverdue, id: 't-warning', occurredAt: ago(6 * HOUR) },
  { id: 't-neutral', type: 'task.created', title: 'Task created: call back', author: sofia, tone: 'neutral' as const, occurredAt: ago(8 * HOUR) },
];

/** The kinds of detail, newest first. */
export const everyDetail: TimelineEvent[] = [failedCall, recordedCall, htmlEmail, fieldChanges, attachments, note, quoteWithAmount, invoiceOverdue, meeting];

/** One event of every built-in type of the catalog, labelled with its type: what the catalog looks like at a glance. */
export const everyType: TimelineEvent[] = knownTypes().map((t, i) => ({
  id: `type-${t.type}`,
  type: t.type,
  title: `${t.label}`,
  summary: t.type,
  author: [ana, diego, karina, sofia][i % 4],
  occurredAt: ago((i + 1) * 2 * HOUR),
}));
