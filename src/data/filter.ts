/**
 * Filtering, as pure functions: what the user asked for (`FilterState`), what an
 * adapter is sent (`TimelineFilter`), and the client-side matching of loaded events
 * (title, summary, author name and detail text).
 */
import { CATEGORIES, CATEGORY_ORDER, categoryOf, typesOfCategory, type CategoryInfo } from '../model/catalog.js';
import type { TimelineItem } from '../model/event.js';
import type { TimelineFilter } from './adapter.js';

/** The filter a user (or the host, through attributes) set. */
export interface FilterState {
  /** Category keys kept; `null` means every category, `[]` none. */
  types: readonly string[] | null;
  /** Exact author names; empty means everyone. */
  authors: readonly string[];
  /** Inclusive lower bound: a date (`2026-11-01`, local midnight) or an ISO 8601 instant. */
  since: string | null;
  /** Inclusive upper bound: a date (`2026-11-30`, to the end of that local day) or an ISO 8601 instant. */
  until: string | null;
  /** Free text. */
  q: string;
  /** Statuses kept (`Overdue`, `Paid`…, compared ignoring case and accents); empty: every status. */
  statuses: readonly string[];
  /** Record kinds kept (`quote`, `invoice`, `booking`…: `kindOf`); empty: every kind. */
  recordTypes: readonly string[];
  /** One record's story: only the events about the record with this id (`record.id`); `null`: every record. */
  record?: string | null;
}

export const NO_FILTER: FilterState = { types: null, authors: [], since: null, until: null, q: '', statuses: [], recordTypes: [], record: null };

/**
 * The kind of record an event is about: its `record.type`, else its type's first segment (`quote.created` → `quote`).
 * Quotes, invoices and bookings are told apart by it, though they share a category.
 */
export const kindOf = (item: Pick<TimelineItem, 'type' | 'record'>): string => item.record?.type || item.type.split('.')[0];

/** The filter categories, in the order the filter bar shows them. */
export function filterCategories(): CategoryInfo[] {
  return CATEGORY_ORDER.map((key) => CATEGORIES[key]);
}

/** The category key of a type (`proposal.sent` → `deal`). */
export const categoryKeyOf = (type: string): string => categoryOf(type).key;

/**
 * The `types` values that select `categories` on a server that matches a type's
 * first segment (the HTTP wire format): `null` when that cannot be expressed, i.e.
 * when "other" (types no prefix maps to) is among them.
 */
export function typePrefixesOf(categories: readonly string[]): string[] | null {
  const prefixes: string[] = [];
  for (const key of categories) {
    if (!Object.hasOwn(CATEGORIES, key)) continue;
    const types = typesOfCategory(key as keyof typeof CATEGORIES);
    if (key === 'other') return null;
    prefixes.push(...types);
  }
  return [...new Set(prefixes)];
}

/** `true` when some category is left out. */
export function typesActive(state: FilterState): boolean {
  if (state.types === null) return false;
  const all = new Set(CATEGORY_ORDER as readonly string[]);
  return !(all.size > 0 && [...all].every((key) => state.types!.includes(key)));
}

export function isFilterActive(state: FilterState): boolean {
  return (
    typesActive(state) ||
    state.authors.length > 0 ||
    !!boundOf(state.since, 'start') ||
    !!boundOf(state.until, 'end') ||
    !!state.q.trim() ||
    (state.statuses?.length ?? 0) > 0 ||
    (state.recordTypes?.length ?? 0) > 0 ||
    !!state.record
  );
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A bound in epoch ms: a date alone is the start (or end) of that day in local time,
 * anything else is parsed as an instant. `null` when absent or unreadable.
 */
export function boundOf(value: string | null | undefined, edge: 'start' | 'end'): number | null {
  if (!value) return null;
  const date = DATE_ONLY.exec(value.trim());
  if (date) {
    const [, y, m, d] = date.map(Number);
    const t = edge === 'start' ? new Date(y, m - 1, d).getTime() : new Date(y, m - 1, d + 1).getTime() - 1;
    return Number.isNaN(t) ? null : t;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}


/**
 * What an adapter is sent in `query.filter`. Category keys travel in `categories`;
 * `types` carries their type prefixes when they can be expressed that way.
 */
export function adapterFilter(state: FilterState): TimelineFilter {
  const filter: TimelineFilter = {};
  if (typesActive(state)) {
    const categories = [...state.types!];
    filter.categories = categories;
    const prefixes = typePrefixesOf(categories);
    // `[]` would read as "no filter" on the wire: send a prefix nothing has instead.
    if (prefixes) filter.types = prefixes.length ? prefixes : ['\u0000none'];
  }
  const q = state.q.trim();
  if (q) filter.search = q;
  if (state.authors.length) filter.authors = [...state.authors];
  if (state.statuses?.length) filter.statuses = [...state.statuses];
  if (state.recordTypes?.length) filter.recordTypes = [...state.recordTypes];
  if (state.record) filter.recordId = state.record;
  const since = boundOf(state.since, 'start');
  const until = boundOf(state.until, 'end');
  if (since !== null) filter.since = new Date(since).toISOString();
  if (until !== null) filter.until = new Date(until).toISOString();
  return filter;
}

/** Parts of a filter the element has to apply itself to what it loaded. */
export interface LocalParts {
  types: boolean;
  rest: boolean;
}

/**
 * Which parts the element applies itself: everything for an adapter that does not
 * filter; for one that does, only what could not be sent (the "other" category).
 */
export function localParts(state: FilterState, serverFilters: boolean): LocalParts {
  if (!serverFilters) return { types: typesActive(state), rest: true };
  return { types: typesActive(state) && adapterFilter(state).types === undefined, rest: false };
}

/** Combining diacritical marks (U+0300–U+036F): the accents `normalize('NFD')` splits off Latin, Greek and Cyrillic letters. */
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * Text as search compares it, in every locale: accents dropped (`leído` → `leido`, `José` → `jose`) and lowercased
 * without locale rules (`İstanbul` → `istanbul`, not a dotted `i̇`). Marks of other scripts (Devanagari vowel
 * signs, Hebrew points) are letters there and stay.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(ACCENTS, '').toLowerCase();
}

/** What search text is looked for in rows: the text as the user typed it (`source`) and folded (`needle`). */
export interface SearchPattern {
  readonly source: string;
  readonly needle: string;
}

/** The pattern of a search text, or `null` for an empty one. */
export function searchPattern(q: string): SearchPattern | null {
  const source = q.trim();
  const needle = foldText(source);
  return needle ? { source, needle } : null;
}

/**
 * `text` folded code point by code point, with where each folded unit came from: `from[j]`..`to[j]` is the code
 * point of `text` that folded unit `j` belongs to. Folding can change lengths (`é` is `e` + accent in NFD, a Hangul
 * syllable three jamo), so matches found in the folded text are mapped back through these.
 */
function foldMap(text: string): { folded: string; from: number[]; to: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const f = cp < 0x80 ? text[i].toLowerCase() : foldText(text.slice(i, i + size));
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + size);
    }
    folded += f;
    i += size;
  }
  return { folded, from, to };
}

/** A code point that folds to nothing: an accent, kept with the letter before it in a match. */
const ACCENT = /^[\u0300-\u036f]$/;
const foldsAway = (text: string, i: number) => i < text.length && ACCENT.test(text[i]);

/**
 * Where `pattern` matches `text`, as `[start, end)` ranges of the original text (accents and case ignored, the
 * original characters kept): what the rows mark.
 */
export function matchRanges(text: string, pattern: SearchPattern | null): [number, number][] {
  if (!pattern || !text) return [];
  const { needle } = pattern;
  const { folded, from, to } = foldMap(text);
  const ranges: [number, number][] = [];
  let last = 0;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    const start = Math.max(from[at], last);
    let end = to[at + needle.length - 1];
    while (foldsAway(text, end)) end++;
    if (end <= start) continue;
    ranges.push([start, end]);
    last = end;
  }
  return ranges;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of an HTML body, without parsing it (nothing loads, nothing runs, no Trusted Types policy is needed): for
 * search, export, and the placeholder shown while the sanitizer loads (as text, never as markup). Blocks and line
 * breaks separate words; runs of white space become one space.
 */
export function htmlText(body: string): string {
  return body
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|br|li|ul|ol|tr|td|th|h[1-6]|blockquote|pre|hr)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The texts a search looks at: title, summary, author, status and the detail's text fields. */
function searchFields(item: TimelineItem): string[] {
  const d = item.detail;
  const raw: (string | undefined)[] = [item.title, item.summary, item.author?.name, item.status];
  if (d) {
    raw.push(d.subject, d.from, ...(d.to ?? []), d.location);
    if (d.body) raw.push(d.bodyFormat === 'html' ? htmlText(d.body) : d.body);
    for (const change of d.changes ?? []) raw.push(change.field, stringOf(change.from), stringOf(change.to));
    for (const attachment of d.attachments ?? []) raw.push(attachment.name);
  }
  return raw.filter((f): f is string => typeof f === 'string' && f !== '');
}

const stringOf = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

const lowered = new WeakMap<TimelineItem, string>();

/**
 * The search fields of `item`, folded (`foldText`) and joined (NUL between fields, so no match spans two), computed once per
 * event: a search over 10,000 loaded events is then one `includes` per event instead of a regular expression per field.
 */
function searchText(item: TimelineItem): string {
  let text = lowered.get(item);
  if (text === undefined) {
    text = foldText(searchFields(item).join('\u0000'));
    lowered.set(item, text);
  }
  return text;
}

/** What a search text is compared with: trimmed and folded like `searchText`; `''` for no search. */
const searchNeedle = (q: string): string => foldText(q.trim());

/** `true` when `item` passes the parts of `state` selected by `parts`. */
export function matcher(state: FilterState, parts: LocalParts = { types: true, rest: true }): (item: TimelineItem) => boolean {
  const checks: ((item: TimelineItem) => boolean)[] = [];
  if (parts.types && typesActive(state)) {
    const keep = new Set(state.types);
    checks.push((item) => keep.has(categoryKeyOf(item.type)));
  }
  if (parts.rest) {
    if (state.authors.length) {
      const authors = new Set(state.authors);
      checks.push((item) => item.author !== undefined && authors.has(item.author.name));
    }
    if (state.statuses?.length) {
      const statuses = new Set(state.statuses.map((s) => foldText(s.trim())));
      checks.push((item) => item.status !== undefined && statuses.has(foldText(item.status.trim())));
    }
    if (state.record) {
      const record = state.record;
      checks.push((item) => item.record?.id === record);
    }
    if (state.recordTypes?.length) {
      const kinds = new Set(state.recordTypes);
      checks.push((item) => kinds.has(kindOf(item)));
    }
    const since = boundOf(state.since, 'start');
    const until = boundOf(state.until, 'end');
    if (since !== null) checks.push((item) => item.time >= since);
    if (until !== null) checks.push((item) => item.time <= until);
    const needle = searchNeedle(state.q);
    if (needle) checks.push((item) => searchText(item).includes(needle));
  }
  return checks.length ? (item) => checks.every((check) => check(item)) : () => true;
}

/** A category that holds more than one kind of record, with those kinds (the filter bar's Kinds panel). */
export interface KindGroup {
  category: string;
  label: string;
  kinds: string[];
}

/** The `categories` (in their order) holding more than one kind of record among `items`, each with its kinds sorted. */
export function kindGroups(items: readonly TimelineItem[], categories: readonly { key: string; label: string }[]): KindGroup[] {
  const byCategory = new Map<string, Set<string>>();
  for (const item of items) {
    const category = categoryKeyOf(item.type);
    let kinds = byCategory.get(category);
    if (!kinds) byCategory.set(category, (kinds = new Set()));
    kinds.add(kindOf(item));
  }
  return categories.filter((c) => (byCategory.get(c.key)?.size ?? 0) > 1).map((c) => ({ category: c.key, label: c.label, kinds: [...byCategory.get(c.key)!].sort() }));
}

/** How the record `id` is named by an event of `items` ("Quote EST-00042"), else `null`. */
export function recordLabelOf(items: readonly TimelineItem[], id: string | null): string | null {
  if (!id) return null;
  return items.find((item) => item.record?.id === id && item.record.label)?.record?.label ?? null;
}

/** Counts an adapter gave per type or type prefix, summed per filter category. */
export function categoryCounts(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [type, n] of Object.entries(counts)) {
    const key = categoryKeyOf(type);
    out[key] = (out[key] ?? 0) + n;
  }
  return out;
}

/** The people who appear in `items`, sorted for `locale`. */
export function authorsOf(items: readonly TimelineItem[], locale?: string): string[] {
  const names = new Set<string>();
  for (const item of items) if (item.author?.name) names.add(item.author.name);
  return [...names].sort(new Intl.Collator(locale).compare);
}

/** Parses a comma list attribute (`email,call`); spaces around entries are dropped. */
export function parseList(value: string | null): string[] | null {
  if (value === null) return null;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}
