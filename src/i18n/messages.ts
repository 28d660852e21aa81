/**
 * The words the timeline says, one typed catalogue per locale: `en` here (the
 * complete one), `es` and `pt` in their own files as partial catalogues merged
 * over `en`, so a key not yet translated reads in English instead of breaking.
 */
import type { FailureKind } from '../internal/errors.js';
import { findEn, type FindMessages } from './find.js';
import type { CategoryKey } from '../model/catalog.js';

export interface Messages {
  feedLabel: string;
  noClient: string;
  empty: string;
  emptyHint: string;
  loading: string;
  loadingMore: string;
  endOfHistory: string;
  loadFailed: string;
  loadMoreFailed: string;
  /** Why, in words: said after `loadFailed` / `loadMoreFailed`. */
  failure: Record<FailureKind, string>;
  /** The disclosure holding the technical message of an error. */
  errorDetails: string;
  /** In place of an event (or its detail) that could not be drawn. */
  renderFailed: string;
  /** In an event's detail: filters the timeline to the events about its record. */
  recordHistory: string;
  /** A thread's summary: "3 messages · opened 2 days ago" (`opened` already formatted, or `null`). */
  threadSummary: (messages: number, opened: string | null) => string;
  /** In a record's story: "12 days later" (`span` already formatted). */
  later: (span: string) => string;
  /** The to-do section's heading: "To do · 3", with how many are overdue. */
  todo: (count: string, overdue: number) => string;
  /** When open work is due or starts, `when` already formatted. */
  todoWhen: Record<'due' | 'starts' | 'sends', (when: string) => string>;
  overdue: string;
  /** Under the first to-do items: the button that shows the rest. */
  todoMore: (count: string) => string;
  /** The ⋯ button of an event with actions, and its menu: "Actions for Call logged". */
  rowActions: (title: string) => string;
  /** The status summary's heading: "Records · 12". */
  statusSummary: (records: string) => string;
  /** The summary's button for a whole kind: "Show all quotes". */
  showAllOf: (kind: string) => string;
  retry: string;
  /** The notice over cached events when the network failed; `time` is already formatted. */
  savedActivity: (time: string) => string;
  by: (name: string) => string;
  unknownAuthor: string;
  loaded: (count: number) => string;
  amount: string;
  duration: string;
  changes: string;
  empty_value: string;
  attachments: string;
  from: string;
  to: string;
  subject: string;
  inbound: string;
  outbound: string;
  status: string;
  location: string;
  openInApp: string;
  recording: string;
  tone: Record<'failed' | 'success' | 'warning' | 'neutral', string>;
  /** The tone said after a status, in the status chip's accessible name: "Overdue, needs attention". */
  toneAfterStatus: Record<'failed' | 'success' | 'warning', string>;
  /** Filter bar, search, navigation, live updates and export. */
  find: FindMessages;
  upcoming: string;
  direction: string;
  folded: (author: string, count: number) => string;
  fieldsChanged: (count: number) => string;
  internal: string;
  edited: (when: string) => string;
  showQuoted: string;
  cc: string;
  outcome: string;
  quantity: string;
  startsAt: string;
  /** When a scheduled email or message goes out. */
  sendsAt: string;
  endsAt: string;
  record: string;
  /** An expanded event that carries nothing more than its row shows. */
  noDetails: string;
  /** Under an error that will be retried automatically. */
  retrying: string;
  /** The note over an HTML body whose remote images were not loaded. */
  imagesBlocked: (count: number) => string;
  showImages: string;
  /** Plural label of record kinds (`record-types`): "Quotes"; a kind missing here reads as its category's label, else as written. */
  recordKinds: Partial<Record<string, string>>;
  /** Under a text too long to show at once: the button that shows the rest (`count` already formatted). */
  showAll: (count: string) => string;
  /** The button that loads and plays a call recording, from a third-party host: nothing is fetched before it is pressed. */
  playRecording: string;
  /** Under a very long HTML body shown as text: renders it formatted. */
  showFormatted: string;
  /** Plural label of each filter category: "Emails". */
  categories: Record<CategoryKey, string>;
  /** Labels of the built-in event types by type ("email.sent" → "Email sent"); a type missing here keeps the catalog's English label. */
  types: Partial<Record<string, string>>;
}

export const en: Messages = {
  feedLabel: 'Client activity',
  noClient: 'No client selected',
  empty: 'No activity yet for this client',
  emptyHint: 'Emails, calls, notes and other events will appear here as they happen.',
  loading: 'Loading activity…',
  loadingMore: 'Loading older activity…',
  endOfHistory: 'Beginning of history',
  loadFailed: "Couldn't load activity.",
  loadMoreFailed: "Couldn't load older activity.",
  failure: {
    timeout: 'The server is not answering.',
    offline: 'You are offline.',
    unreachable: "The server can't be reached.",
    busy: 'The server is busy right now.',
    server: 'The server ran into a problem.',
    denied: "You don't have access to this activity.",
    missing: "The server doesn't know this client.",
    unreadable: "The server's answer could not be read.",
    unknown: 'Something went wrong.',
  },
  errorDetails: 'Details',
  renderFailed: "Couldn't show this event.",
  rowActions: (title) => `Actions for ${title}`,
  statusSummary: (records) => `Records · ${records}`,
  recordHistory: "Show this record's history",
  todo: (count, overdue) => `To do · ${count}${overdue ? ` (${overdue} overdue)` : ''}`,
  todoWhen: { due: (when) => `Due ${when}`, starts: (when) => `Starts ${when}`, sends: (when) => `Sends ${when}` },
  overdue: 'Overdue',
  todoMore: (count) => `Show ${count} more`,
  later: (span) => `${span} later`,
  threadSummary: (messages, opened) => `${messages} ${messages === 1 ? 'message' : 'messages'}${opened ? ` · opened ${opened}` : ''}`,
  showAllOf: (kind) => `Show all: ${kind}`,
  retry: 'Retry',
  savedActivity: (time) => `Showing saved activity from ${time}.`,
  by: (name) => `by ${name}`,
  unknownAuthor: 'System',
  loaded: (count) => `${count} ${count === 1 ? 'event' : 'events'} loaded`,
  amount: 'Amount',
  duration: 'Duration',
  changes: 'Changes',
  empty_value: '(empty)',
  attachments: 'Attachments',
  from: 'From',
  to: 'To',
  subject: 'Subject',
  inbound: 'Inbound',
  outbound: 'Outbound',
  status: 'Status',
  location: 'Location',
  openInApp: 'Open record',
  recording: 'Recording',
  tone: { failed: 'Failed', success: 'Succeeded', warning: 'Needs attention', neutral: '' },
  toneAfterStatus: { failed: 'failed', success: 'succeeded', warning: 'needs attention' },
  find: findEn,
  upcoming: 'Upcoming',
  direction: 'Direction',
  folded: (author, count) => `${author} made ${count} changes`,
  fieldsChanged: (count) => `${count} ${count === 1 ? 'field' : 'fields'} changed`,
  internal: 'Internal',
  edited: (when) => `edited ${when}`,
  showQuoted: 'Show quoted text',
  cc: 'Cc',
  outcome: 'Outcome',
  quantity: 'Quantity',
  startsAt: 'Starts',
  sendsAt: 'Sends',
  endsAt: 'Ends',
  record: 'Record',
  noDetails: 'No more details',
  retrying: 'Trying again automatically…',
  imagesBlocked: (count) => `${count} remote ${count === 1 ? 'image was' : 'images were'} not loaded to protect privacy.`,
  showImages: 'Show images',
  recordKinds: { inquiry: 'Inquiries', quote: 'Quotes', booking: 'Bookings', invoice: 'Invoices', deal: 'Deals', proposal: 'Proposals', payment: 'Payments', task: 'Tasks', meeting: 'Meetings' },
  showAll: (count) => `Show all ${count} characters`,
  playRecording: 'Play recording',
  showFormatted: 'Show formatted',
  categories: {
    email: 'Emails',
    call: 'Calls',
    meeting: 'Meetings',
    task: 'Tasks',
    note: 'Notes',
    deal: 'Deals',
    billing: 'Billing',
    file: 'Files',
    chat: 'Chats',
    update: 'Updates',
    other: 'Other',
  },
  // English type labels are the catalog's own (src/model/catalog.ts).
  types: {},
};

/**
 * Any part of a catalogue: nested groups (`find`, `tone`, `categories`, `types`)
 * may be given in part too. Strings are strings, plural-aware entries functions.
 */
export type MessageOverrides = {
  [K in keyof Messages]?: Messages[K] extends (...args: never[]) => unknown ? Messages[K] : Messages[K] extends object ? Partial<Messages[K]> : Messages[K];
};

/** The shipped catalogues by language subtag. */
/**
 * Catalogues other than English are separate chunks, loaded the first time a
 * locale asks for them (`loadMessages`), so English pages do not carry them.
 */
const LOADERS: Readonly<Record<string, () => Promise<MessageOverrides>>> = {
  es: () => import('./es.js').then((m) => m.es),
  pt: () => import('./pt.js').then((m) => m.pt),
};

/** Languages with a catalogue (English is built in). */
export const LANGUAGES = ['en', ...Object.keys(LOADERS)];

const loadedCatalogues = new Map<string, MessageOverrides>([['en', {}]]);
const loadingCatalogues = new Map<string, Promise<void>>();

const languageOf = (locale: string): string => {
  const language = (locale || 'en').split(/[-_]/, 1)[0].toLowerCase();
  return language === 'en' || Object.hasOwn(LOADERS, language) ? language : 'en';
};

/** `true` when `messagesFor(locale)` already answers in the locale's language. */
export function messagesReady(locale: string): boolean {
  return loadedCatalogues.has(languageOf(locale));
}

/** Loads the catalogue of `locale`'s language (once); resolves to its messages. A failed load falls back to English. */
export async function loadMessages(locale: string): Promise<Messages> {
  const language = languageOf(locale);
  if (!loadedCatalogues.has(language)) {
    let loading = loadingCatalogues.get(language);
    if (!loading) {
      loading = LOADERS[language]().then(
        (catalogue) => void loadedCatalogues.set(language, catalogue),
        () => void loadingCatalogues.delete(language),
      );
      loadingCatalogues.set(language, loading);
    }
    await loading;
  }
  return messagesFor(locale);
}

const isGroup = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` with each override laid over it, one level of groups deep; `undefined` values are ignored. */
export function mergeMessages(base: Messages, ...overrides: (MessageOverrides | null | undefined)[]): Messages {
  const out: Record<string, unknown> = { ...base };
  for (const override of overrides) {
    if (!isGroup(override)) continue;
    for (const [key, value] of Object.entries(override)) {
      if (value === undefined || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      const current = out[key];
      out[key] = isGroup(current) && isGroup(value) ? { ...current, ...value } : value;
    }
  }
  return out as unknown as Messages;
}

const byLanguage = new Map<string, Messages>();

/** The catalogue for a BCP 47 locale, chosen by its language subtag (`es-CR` → `es`, `pt-BR` → `pt`); English otherwise. */
/** The messages of `locale` (by language subtag), English until its catalogue is loaded (`loadMessages`). */
export function messagesFor(locale: string): Messages {
  const language = languageOf(locale);
  const key = loadedCatalogues.has(language) ? language : 'en';
  let messages = byLanguage.get(key);
  if (!messages) {
    messages = mergeMessages(en, loadedCatalogues.get(key));
    byLanguage.set(key, messages);
  }
  return messages;
}
