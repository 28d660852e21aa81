/**
 * The type catalog: how each kind of event is labelled, which icon it gets,
 * which filter category it belongs to and its default tone. Types are dotted
 * `category.action` names. A type that is neither built in nor registered by
 * the host still renders: its first segment picks the category, and its
 * label is derived from the name.
 */
import type { TemplateResult } from 'lit';
import type { Formatters } from '../i18n/format.js';
import type { IconName, IconSource } from '../render/icons.js';
import type { Tone, TimelineItem } from './event.js';

export type CategoryKey = 'email' | 'call' | 'meeting' | 'task' | 'note' | 'deal' | 'billing' | 'file' | 'chat' | 'update' | 'other';

export interface CategoryInfo {
  /** Stable key, used for CSS (`--ct-cat-<key>`) and filtering. */
  key: CategoryKey;
  /** Plural label for the filter bar: "Emails". */
  label: string;
  icon: IconName;
}

const cat = (key: CategoryKey, label: string, icon: IconName): CategoryInfo => ({ key, label, icon });

/** Filter categories, in the order a filter bar shows them. */
export const CATEGORIES: Record<CategoryKey, CategoryInfo> = {
  email: cat('email', 'Emails', 'mail'),
  call: cat('call', 'Calls', 'phone'),
  meeting: cat('meeting', 'Meetings', 'calendar'),
  task: cat('task', 'Tasks', 'square-check'),
  note: cat('note', 'Notes', 'pencil'),
  deal: cat('deal', 'Deals', 'handshake'),
  billing: cat('billing', 'Billing', 'receipt'),
  file: cat('file', 'Files', 'paperclip'),
  chat: cat('chat', 'Chats', 'message-circle'),
  update: cat('update', 'Updates', 'user-pen'),
  other: cat('other', 'Other', 'circle-dot'),
};

export const CATEGORY_ORDER = Object.keys(CATEGORIES) as CategoryKey[];

/** First segment of a type → its category, for types the catalog does not list. */
const PREFIX_CATEGORY: Record<string, CategoryKey> = {
  email: 'email',
  mail: 'email',
  call: 'call',
  voice: 'call',
  meeting: 'meeting',
  booking: 'meeting',
  task: 'task',
  activity: 'task',
  note: 'note',
  order: 'note',
  proposal: 'deal',
  deal: 'deal',
  quote: 'deal',
  negotiation: 'deal',
  sale: 'deal',
  inquiry: 'deal',
  invoice: 'billing',
  payment: 'billing',
  file: 'file',
  attachment: 'file',
  chat: 'chat',
  message: 'chat',
  chatbot: 'chat',
  sms: 'chat',
  contact: 'update',
  customer: 'update',
  form: 'update',
  list: 'update',
  lifecycle: 'update',
  record: 'update',
};

/** Everything the timeline knows about a type. */
export interface TypeInfo {
  type: string;
  /** English label: "Email sent". */
  label: string;
  category: CategoryKey;
  icon: IconSource;
  /** Default tone when the event carries none (e.g. `call.failed` → `failed`). */
  tone?: Tone;
  /** Replaces the built-in detail of the expanded row. */
  renderDetail?: DetailRenderer;
}

/** What a custom detail renderer gets besides the event. */
export interface DetailRenderContext {
  locale: string;
  formatters: Formatters;
}

/** Returns a lit template, a DOM node or a string (rendered as text). */
export type DetailRenderer = (event: TimelineItem, context: DetailRenderContext) => TemplateResult | Node | string;

type Def = [label: string, icon: IconName, tone?: Tone];

/** Built-in types, grouped by the product pages they come from. */
const BUILT_IN: Record<string, Def> = {
  // Emails (Pilot, Twozo)
  'email.sent': ['Email sent', 'send'],
  'email.opened': ['Email opened', 'mail-open'],
  'email.received': ['Email received', 'inbox'],
  'email.replied': ['Email reply', 'reply'],
  'email.draft': ['Email draft', 'file-pen-line'],
  'email.scheduled': ['Email scheduled', 'clock'],
  'email.logged': ['Email logged', 'mail-plus'],
  // Calls
  'call.logged': ['Call logged', 'phone'],
  'call.inbound': ['Inbound call', 'phone-incoming'],
  'call.outbound': ['Outbound call', 'phone-outgoing'],
  'call.failed': ['Call failed', 'phone-missed', 'failed'],
  'call.recording': ['Call recording', 'audio-lines'],
  'call.voice-note': ['Voice note', 'voicemail'],
  // Meetings, bookings
  'meeting.scheduled': ['Meeting scheduled', 'calendar-plus'],
  'meeting.completed': ['Meeting held', 'calendar-check', 'success'],
  'meeting.cancelled': ['Meeting cancelled', 'calendar', 'warning'],
  'booking.created': ['Booking created', 'calendar-clock'],
  'booking.completed': ['Booking completed', 'calendar-check', 'success'],
  'booking.cancelled': ['Booking cancelled', 'calendar', 'warning'],
  // Tasks and activities
  'task.created': ['Task created', 'list-todo'],
  'task.completed': ['Task completed', 'square-check', 'success'],
  'task.overdue': ['Task overdue', 'list-todo', 'warning'],
  'activity.title-changed': ['Activity title changed', 'pencil'],
  'activity.note-added': ['Activity note added', 'notebook-pen'],
  'activity.note-edited': ['Activity note edited', 'notebook-pen'],
  // Notes
  'note.added': ['Note added', 'pencil'],
  'note.edited': ['Note edited', 'pencil'],
  'order.note-added': ['Order note', 'sticky-note'],
  // Deals, proposals, quotes, negotiations, sales, inquiries
  'proposal.sent': ['Proposal sent', 'folder'],
  'proposal.opened': ['Proposal opened', 'folder-open'],
  'proposal.stage-changed': ['Proposal moved', 'folder'],
  'proposal.won': ['Proposal won', 'trophy', 'success'],
  'proposal.lost': ['Proposal lost', 'folder', 'failed'],
  'deal.created': ['Deal created', 'handshake'],
  'deal.associated': ['Deal associated', 'handshake'],
  'deal.title-changed': ['Deal title changed', 'pencil'],
  'deal.value-updated': ['Deal value updated', 'trending-up'],
  'deal.stage-changed': ['Deal stage changed', 'handshake'],
  'deal.closing-date-set': ['Expected closing date assigned', 'calendar-clock'],
  'deal.closing-date-changed': ['Expected closing date changed', 'calendar-clock'],
  'deal.lost-reason-set': ['Lost reason set', 'flag', 'failed'],
  'deal.lost-reason-updated': ['Lost reason updated', 'flag', 'failed'],
  'deal.won': ['Deal won', 'trophy', 'success'],
  'deal.lost': ['Deal lost', 'flag', 'failed'],
  'quote.created': ['Quote created', 'file-text'],
  'quote.sent': ['Quote sent', 'file-text'],
  'quote.accepted': ['Quote accepted', 'file-check', 'success'],
  'quote.declined': ['Quote declined', 'file-text', 'failed'],
  'quote.expired': ['Quote expired', 'file-text', 'warning'],
  'inquiry.received': ['Inquiry received', 'inbox'],
  'inquiry.created': ['Inquiry created', 'inbox'],
  'negotiation.created': ['Negotiation created', 'handshake'],
  'negotiation.stage-updated': ['Negotiation stage updated', 'arrow-right-left'],
  'sale.created': ['Sale created', 'shopping-cart', 'success'],
  // Billing
  'invoice.issued': ['Invoice issued', 'receipt'],
  'invoice.sent': ['Invoice sent', 'receipt'],
  'invoice.overdue': ['Invoice overdue', 'receipt', 'failed'],
  'invoice.paid': ['Invoice paid', 'receipt', 'success'],
  'invoice.credited': ['Invoice credited', 'receipt', 'warning'],
  'payment.received': ['Payment received', 'hand-coins', 'success'],
  'payment.failed': ['Payment failed', 'credit-card', 'failed'],
  'payment.refunded': ['Payment refunded', 'banknote', 'warning'],
  // Files
  'file.uploaded': ['File uploaded', 'file-up'],
  'attachment.added': ['Attachment added', 'paperclip'],
  // Chats and messages
  'chat.message': ['Chat message', 'message-circle'],
  'chat.status-changed': ['Chat status changed', 'message-square-dot'],
  'chat.marked-unread': ['Chat marked unread', 'message-square-dot'],
  'chatbot.activated': ['Chatbot activated', 'bot'],
  'chatbot.deactivated': ['Chatbot deactivated', 'bot-off'],
  'message.scheduled': ['Message scheduled', 'clock'],
  'message.sent': ['Message sent', 'send'],
  // Record updates: contacts, customers, lifecycle, merges, forms, lists
  'contact.created': ['Contact created', 'user-plus'],
  'contact.name-changed': ['Name changed', 'user-pen'],
  'contact.lifecycle-changed': ['Lifecycle stage changed', 'trending-up'],
  'contact.lost-reason-set': ['Lost reason set', 'flag', 'failed'],
  'contact.lost-reason-updated': ['Lost reason updated', 'flag', 'failed'],
  'contact.merged': ['Contacts merged', 'git-merge'],
  'contact.field-edited': ['Profile field edited', 'user-pen'],
  'customer.created': ['Customer created', 'user-plus'],
  'customer.assigned': ['Customer assigned', 'user-check'],
  'customer.unassigned': ['Customer unassigned', 'user-minus'],
  'customer.field-edited': ['Profile field edited', 'user-pen'],
  'form.submitted': ['Form submitted', 'clipboard-list'],
  'list.added': ['Added to list', 'list-plus'],
  'list.removed': ['Removed from list', 'list-plus'],
};

const registry = new Map<string, TypeInfo>();
for (const [type, [label, icon, tone]] of Object.entries(BUILT_IN)) {
  registry.set(type, { type, label, icon, tone, category: categoryKeyOfPrefix(type) });
}
const derived = new Map<string, TypeInfo>();

function categoryKeyOfPrefix(type: string): CategoryKey {
  const head = type.split('.', 1)[0].toLowerCase();
  return Object.hasOwn(PREFIX_CATEGORY, head) ? PREFIX_CATEGORY[head] : 'other';
}

/** "deal.closing-date-changed" → "Deal closing date changed". */
function labelFromType(type: string): string {
  const words = type.replace(/[._-]+/g, ' ').trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Activity';
}

/** What the timeline knows about `type`: registered, built in, or derived from its name. */
export function typeInfo(type: string): TypeInfo {
  const known = registry.get(type);
  if (known) return known;
  let info = derived.get(type);
  if (!info) {
    const category = categoryKeyOfPrefix(type);
    info = { type, label: labelFromType(type), category, icon: CATEGORIES[category].icon };
    if (derived.size > 5000) derived.clear();
    derived.set(type, info);
  }
  return info;
}

/** The built-in types, in catalog order (the ones message catalogues translate). */
export function builtInTypes(): string[] {
  return Object.keys(BUILT_IN);
}

/**
 * The label of `type` in the viewer's language: a label the host registered
 * wins; a built-in type takes its translation from `labels` (a catalogue's
 * `types`); otherwise the catalog's (English or derived) label.
 */
export function localTypeLabel(type: string, labels: Partial<Record<string, string>>): string {
  const info = typeInfo(type);
  const translated = Object.hasOwn(BUILT_IN, type) && info.label === BUILT_IN[type][0] && Object.hasOwn(labels, type) ? labels[type] : undefined;
  return translated || info.label;
}

/** The label of a filter category in the viewer's language (a catalogue's `categories`), else English. */
export function localCategoryLabel(key: CategoryKey, labels: Partial<Record<CategoryKey, string>>): string {
  return (Object.hasOwn(labels, key) ? labels[key] : undefined) || CATEGORIES[key].label;
}

/** The filter category of a type. */
export function categoryOf(type: string): CategoryInfo {
  return CATEGORIES[typeInfo(type).category];
}

/** Every type the catalog lists (built in and registered). */
export function knownTypes(): TypeInfo[] {
  return [...registry.values()];
}

/**
 * The `types` values a server should match for a category: the first segments
 * that map to it (`deal` → `proposal`, `deal`, `quote`, …) plus registered
 * types whose prefix maps elsewhere.
 */
export function typesOfCategory(key: CategoryKey): string[] {
  const prefixes = Object.entries(PREFIX_CATEGORY)
    .filter(([, category]) => category === key)
    .map(([prefix]) => prefix);
  const extra = [...registry.values()].filter((t) => t.category === key && categoryKeyOfPrefix(t.type) !== key).map((t) => t.type);
  return [...prefixes, ...extra];
}

export interface TypeDefinition {
  label?: string;
  category?: CategoryKey;
  /** A built-in icon name or a lucide icon node (`import { Rocket } from 'lucide'`). */
  icon?: IconSource;
  tone?: Tone;
  renderDetail?: DetailRenderer;
}

/**
 * Registers a type or overrides a built-in one; unspecified fields keep the
 * current (or derived) value. Affects every `<client-timeline>` on the page;
 * elements re-render on their next update.
 */
export function registerEventType(type: string, definition: TypeDefinition): TypeInfo {
  if (!type || typeof type !== 'string') throw new TypeError('registerEventType: type must be a non-empty string');
  if (definition.category && !Object.hasOwn(CATEGORIES, definition.category)) {
    throw new TypeError(`registerEventType: unknown category "${definition.category}" (one of ${CATEGORY_ORDER.join(', ')})`);
  }
  const base = typeInfo(type);
  const info: TypeInfo = { ...base, ...definition, type };
  registry.set(type, info);
  derived.delete(type);
  catalogVersion++;
  return info;
}

/** Removes a host registration; a built-in type goes back to its default. */
export function unregisterEventType(type: string): void {
  registry.delete(type);
  const def = BUILT_IN[type];
  if (def) registry.set(type, { type, label: def[0], icon: def[1], tone: def[2], category: categoryKeyOfPrefix(type) });
  catalogVersion++;
}

/** Bumped on every registration, so elements know to re-render. */
export let catalogVersion = 0;

/** Status palettes from the seed products (OctopusPro): status name → colour token. */
export type StatusColor = 'blue' | 'red' | 'green' | 'yellow' | 'orange' | 'purple' | 'grey';

const STATUS_COLORS: Record<string, StatusColor> = {
  open: 'blue',
  sent: 'blue',
  new: 'blue',
  overdue: 'red',
  expired: 'red',
  declined: 'red',
  failed: 'red',
  lost: 'red',
  'closed lost': 'red',
  closed: 'green',
  paid: 'green',
  accepted: 'green',
  completed: 'green',
  won: 'green',
  'closed won': 'green',
  credited: 'yellow',
  'partially paid': 'yellow',
  'in progress': 'orange',
  pending: 'orange',
  negotiation: 'orange',
  'to schedule': 'purple',
  scheduled: 'purple',
  draft: 'grey',
  cancelled: 'grey',
  canceled: 'grey',
  archived: 'grey',
};

/** The palette colour of a status, `grey` when unknown. */
export function statusColor(status: string): StatusColor {
  return STATUS_COLORS[status.trim().toLowerCase()] ?? 'grey';
}

/** Adds or changes the colour of a status name (case-insensitive). */
export function registerStatusColor(status: string, color: StatusColor): void {
  STATUS_COLORS[status.trim().toLowerCase()] = color;
  catalogVersion++;
}
