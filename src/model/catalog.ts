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

type Def = [icon: IconName, tone?: Tone];

/** Built-in types, grouped by the product pages they come from: their icon and default tone. */
const BUILT_IN: Record<string, Def> = {
  // Emails (Pilot, Twozo)
  'email.sent': ['send'],
  'email.opened': ['mail-open'],
  'email.received': ['inbox'],
  'email.replied': ['reply'],
  'email.draft': ['file-pen-line'],
  'email.scheduled': ['clock'],
  'email.logged': ['mail-plus'],
  // Calls
  'call.logged': ['phone'],
  'call.inbound': ['phone-incoming'],
  'call.outbound': ['phone-outgoing'],
  'call.failed': ['phone-missed', 'failed'],
  'call.recording': ['audio-lines'],
  'call.voice-note': ['voicemail'],
  // Meetings, bookings
  'meeting.scheduled': ['calendar-plus'],
  'meeting.completed': ['calendar-check', 'success'],
  'meeting.cancelled': ['calendar', 'warning'],
  'booking.created': ['calendar-clock'],
  'booking.completed': ['calendar-check', 'success'],
  'booking.cancelled': ['calendar', 'warning'],
  // Tasks and activities
  'task.created': ['list-todo'],
  'task.completed': ['square-check', 'success'],
  'task.overdue': ['list-todo', 'warning'],
  'activity.title-changed': ['pencil'],
  'activity.note-added': ['notebook-pen'],
  'activity.note-edited': ['notebook-pen'],
  // Notes
  'note.added': ['pencil'],
  'note.edited': ['pencil'],
  'order.note-added': ['sticky-note'],
  // Deals, proposals, quotes, negotiations, sales, inquiries
  'proposal.sent': ['folder'],
  'proposal.opened': ['folder-open'],
  'proposal.stage-changed': ['folder'],
  'proposal.won': ['trophy', 'success'],
  'proposal.lost': ['folder', 'failed'],
  'deal.created': ['handshake'],
  'deal.associated': ['handshake'],
  'deal.title-changed': ['pencil'],
  'deal.value-updated': ['trending-up'],
  'deal.stage-changed': ['handshake'],
  'deal.closing-date-set': ['calendar-clock'],
  'deal.closing-date-changed': ['calendar-clock'],
  'deal.lost-reason-set': ['flag', 'failed'],
  'deal.lost-reason-updated': ['flag', 'failed'],
  'deal.won': ['trophy', 'success'],
  'deal.lost': ['flag', 'failed'],
  'quote.created': ['file-text'],
  'quote.sent': ['file-text'],
  'quote.accepted': ['file-check', 'success'],
  'quote.declined': ['file-text', 'failed'],
  'quote.expired': ['file-text', 'warning'],
  'inquiry.received': ['inbox'],
  'inquiry.created': ['inbox'],
  'negotiation.created': ['handshake'],
  'negotiation.stage-updated': ['arrow-right-left'],
  'sale.created': ['shopping-cart', 'success'],
  // Billing
  'invoice.issued': ['receipt'],
  'invoice.sent': ['receipt'],
  'invoice.overdue': ['receipt', 'failed'],
  'invoice.paid': ['receipt', 'success'],
  'invoice.credited': ['receipt', 'warning'],
  'payment.received': ['hand-coins', 'success'],
  'payment.failed': ['credit-card', 'failed'],
  'payment.refunded': ['banknote', 'warning'],
  // Files
  'file.uploaded': ['file-up'],
  'attachment.added': ['paperclip'],
  // Chats and messages
  'chat.message': ['message-circle'],
  'chat.status-changed': ['message-square-dot'],
  'chat.marked-unread': ['message-square-dot'],
  'chatbot.activated': ['bot'],
  'chatbot.deactivated': ['bot-off'],
  'message.scheduled': ['clock'],
  'message.sent': ['send'],
  // Record updates: contacts, customers, lifecycle, merges, forms, lists
  'contact.created': ['user-plus'],
  'contact.name-changed': ['user-pen'],
  'contact.lifecycle-changed': ['trending-up'],
  'contact.lost-reason-set': ['flag', 'failed'],
  'contact.lost-reason-updated': ['flag', 'failed'],
  'contact.merged': ['git-merge'],
  'contact.field-edited': ['user-pen'],
  'customer.created': ['user-plus'],
  'customer.assigned': ['user-check'],
  'customer.unassigned': ['user-minus'],
  'customer.field-edited': ['user-pen'],
  'form.submitted': ['clipboard-list'],
  'list.added': ['list-plus'],
  'list.removed': ['list-plus'],
};

/**
 * The English labels of the built-in types whose label is not their name in words ("email.sent" reads "Email
 * sent", as `labelFromType` says it).
 */
const LABELS: Partial<Record<string, string>> = {
  'email.replied': 'Email reply',
  'call.inbound': 'Inbound call',
  'call.outbound': 'Outbound call',
  'call.voice-note': 'Voice note',
  'meeting.completed': 'Meeting held',
  'order.note-added': 'Order note',
  'proposal.stage-changed': 'Proposal moved',
  'deal.closing-date-set': 'Expected closing date assigned',
  'deal.closing-date-changed': 'Expected closing date changed',
  'deal.lost-reason-set': 'Lost reason set',
  'deal.lost-reason-updated': 'Lost reason updated',
  'contact.name-changed': 'Name changed',
  'contact.lifecycle-changed': 'Lifecycle stage changed',
  'contact.lost-reason-set': 'Lost reason set',
  'contact.lost-reason-updated': 'Lost reason updated',
  'contact.merged': 'Contacts merged',
  'contact.field-edited': 'Profile field edited',
  'customer.field-edited': 'Profile field edited',
  'list.added': 'Added to list',
  'list.removed': 'Removed from list',
};

const registry = new Map<string, TypeInfo>();
/** What the catalog says of built-in `type` (`def`, its entry in BUILT_IN). */
const builtIn = (type: string, [icon, tone]: Def): TypeInfo => ({ type, label: builtInLabel(type), icon, tone, category: categoryKeyOfPrefix(type) });
const builtInLabel = (type: string): string => LABELS[type] ?? labelFromType(type);
for (const [type, def] of Object.entries(BUILT_IN)) registry.set(type, builtIn(type, def));
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
  const translated = Object.hasOwn(BUILT_IN, type) && info.label === builtInLabel(type) && Object.hasOwn(labels, type) ? labels[type] : undefined;
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
  if (Object.hasOwn(BUILT_IN, type)) registry.set(type, builtIn(type, BUILT_IN[type]));
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
