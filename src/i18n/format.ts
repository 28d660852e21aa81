/**
 * Every date, number, currency, duration and relative time goes through Intl,
 * in the element's locale. Formatters are built once per locale.
 *
 * Each formatting function is total: a value Intl rejects (a date out of its
 * range, a duration of 1e300 seconds, NaN, a negative size) reads as the raw
 * value, or "—", instead of throwing: one event's absurd number never stops a row.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a value Intl rejects reads as when there is nothing better. */
const NO_VALUE = '—';

/** `format()`, or `raw()` (then "—") when it throws. */
function total(format: () => string, raw: () => string): string {
  try {
    return format();
  } catch {
    try {
      return raw() || NO_VALUE;
    } catch {
      return NO_VALUE;
    }
  }
}

/** A time as ISO text, or the number itself beyond the dates Date can hold. */
const rawTime = (time: number) => (Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : String(time));

/** Days since the epoch of a `YYYY-MM-DD` calendar day. */
const dayNumber = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
};

/** `2026-11-23` for a time, in the viewer's time zone. */
export function localDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Resolves a requested locale to one Intl supports, else the browser's. */
function resolveLocale(requested: string | null | undefined): string {
  const candidates = [requested, globalThis.navigator?.language, 'en'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(candidate);
      if (supported) return supported;
    } catch {
      /* malformed tag: try the next */
    }
  }
  return 'en';
}

/** A valid IANA time zone name as Intl spells it, or `undefined` (the viewer's zone) for none; throws a RangeError naming a bad one. */
export function resolveTimeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as "America/Costa_Rica"`);
  }
}

export interface FormatterOptions {
  /** IANA time zone for exact times and calendar days; the viewer's when not given. */
  timeZone?: string | null;
}

export class Formatters {
  readonly locale: string;
  /** The IANA time zone of exact times and day headers; `undefined`: the viewer's. */
  readonly timeZone: string | undefined;
  private readonly dateTime: Intl.DateTimeFormat;
  /** `stamp`'s format, made on first use. */
  private stampFormat: Intl.DateTimeFormat | undefined;
  private monthFormat: Intl.DateTimeFormat | undefined;
  private readonly dateOnly: Intl.DateTimeFormat;
  private readonly calendarDate: Intl.DateTimeFormat;
  private readonly relative: Intl.RelativeTimeFormat;
  private readonly currencies = new Map<string, Intl.NumberFormat>();
  private readonly duration: { format(value: Record<string, number>): string } | null;
  private readonly number: Intl.NumberFormat;
  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly dayYearFormat: Intl.DateTimeFormat;
  /** Calendar day by minute, in `timeZone` (every zone's offset changes on a whole minute). */
  private readonly dayKeys = new Map<number, string>();
  private readonly dayParts: Intl.DateTimeFormat | null;
  /** `dayOf`'s calendar days, per item. */
  private readonly itemDays = new WeakMap<object, string>();

  /** `options.timeZone` must be a valid IANA name (see `resolveTimeZone`). */
  constructor(locale: string, options: FormatterOptions = {}) {
    this.locale = resolveLocale(locale);
    this.timeZone = resolveTimeZone(options.timeZone);
    const timeZone = this.timeZone;
    this.dateTime = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    this.dateOnly = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone });
    this.calendarDate = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.dayParts = timeZone ? new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' }) : null;
    this.relative = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    this.number = new Intl.NumberFormat(this.locale);
    // Day headers format a calendar day (already in the right zone), held as noon UTC.
    this.dayFormat = new Intl.DateTimeFormat(this.locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
    this.dayYearFormat = new Intl.DateTimeFormat(this.locale, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const DurationFormat = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => { format(v: Record<string, number>): string } }).DurationFormat;
    this.duration = DurationFormat ? new DurationFormat(this.locale, { style: 'short' }) : null;
  }

  /** Exact date and time, e.g. "Nov 13, 2026, 9:30 AM". */
  exact(time: number): string {
    return total(() => this.dateTime.format(time), () => rawTime(time));
  }

  /** Exact date and time with the time zone's name, e.g. "Nov 13, 2026, 9:30 AM CST": for paper, read away from the screen. */
  stamp(time: number): string {
    this.stampFormat ??= new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: this.timeZone });
    return total(() => this.stampFormat!.format(time), () => rawTime(time));
  }

  /** A month of a year, e.g. "March 2025", in the time zone. */
  month(time: number): string {
    this.monthFormat ??= new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'long', timeZone: this.timeZone });
    return total(() => this.monthFormat!.format(time), () => rawTime(time).slice(0, 7));
  }

  /** A date alone, e.g. "Nov 13, 2026", in the time zone. */
  date(time: number): string {
    return total(() => this.dateOnly.format(time), () => rawTime(time).slice(0, 10));
  }

  /**
   * A bound as the user set it, as a date: a `2026-11-13` calendar day as written (whatever the zone), an instant as
   * its day in the time zone; the text itself when it is neither.
   */
  dateOf(value: string): string {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) {
      const time = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12);
      return Number.isNaN(time) ? value : total(() => this.calendarDate.format(time), () => value);
    }
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : this.date(time);
  }

  /** Relative to `now`, e.g. "10 days ago", "yesterday", "in 2 hours". */
  relativeTo(time: number, now: number): string {
    return total(() => this.relativeText(time, now), () => '');
  }

  private relativeText(time: number, now: number): string {
    const diff = time - now;
    const abs = Math.abs(diff);
    if (abs < MINUTE) return this.relative.format(Math.round(diff / SECOND) === 0 ? 0 : Math.round(diff / SECOND), 'second');
    if (abs < HOUR) return this.relative.format(Math.round(diff / MINUTE), 'minute');
    if (abs < DAY) return this.relative.format(Math.round(diff / HOUR), 'hour');
    if (abs < 30 * DAY) {
      // Whole calendar days, so "yesterday" agrees with the day headers.
      return this.relative.format(dayNumber(this.dayKey(time)) - dayNumber(this.dayKey(now)), 'day');
    }
    if (abs < 365 * DAY) return this.relative.format(Math.round(diff / (30.44 * DAY)), 'month');
    return this.relative.format(Math.round(diff / (365.25 * DAY)), 'year');
  }

  /** A money amount in its currency, e.g. "₡480,000.00". Unknown currency codes fall back to "480,000 XYZ". */
  money(value: number, currency: string): string {
    return total(() => this.moneyText(value, currency), () => `${value} ${currency}`);
  }

  private moneyText(value: number, currency: string): string {
    const code = currency.toUpperCase();
    let format = this.currencies.get(code);
    if (!format) {
      try {
        format = new Intl.NumberFormat(this.locale, { style: 'currency', currency: code });
        // Where the locale has no symbol of its own for the currency (CRC in en: "CRC 480,000"), use its narrow symbol ("₡480,000").
        if (format.formatToParts(1).some((part) => part.type === 'currency' && part.value === code)) {
          format = new Intl.NumberFormat(this.locale, { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' });
        }
      } catch {
        return `${this.number.format(value)} ${code}`;
      }
      this.currencies.set(code, format);
    }
    return format.format(value);
  }

  /** A call length, e.g. "4 min, 12 sec". */
  durationOf(totalSeconds: number): string {
    return total(() => this.durationText(totalSeconds), () => String(totalSeconds));
  }

  private durationText(totalSeconds: number): string {
    const seconds = Math.round(totalSeconds);
    if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`not a duration: ${totalSeconds}`);
    const parts = { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60), seconds: seconds % 60 };
    if (this.duration) return this.duration.format(parts);
    return `${parts.hours ? `${parts.hours}:` : ''}${String(parts.minutes).padStart(parts.hours ? 2 : 1, '0')}:${String(parts.seconds).padStart(2, '0')}`;
  }

  /** The calendar day of `time` in the time zone (the viewer's by default): `YYYY-MM-DD`. */
  dayKey(time: number): string {
    if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return '0000-01-01';
    if (!this.dayParts) return localDate(time);
    // By the minute: offsets change on a whole minute, not always on a quarter hour (St. John's changed at 00:01 local
    // until 2011, so a quarter hour of 1990-10-28 02:30Z held two days there).
    const slot = Math.floor(time / MINUTE);
    let key = this.dayKeys.get(slot);
    if (key === undefined) {
      const parts: Record<string, string> = {};
      for (const part of this.dayParts.formatToParts(time)) parts[part.type] = part.value;
      key = `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
      if (this.dayKeys.size > 20_000) this.dayKeys.clear();
      this.dayKeys.set(slot, key);
    }
    return key;
  }

  /**
   * `dayKey(item.time)`, for the rows' day headers, which are built again and again: in a time zone of its own,
   * computed once per item (formatting a day there takes microseconds); in the viewer's, a few `Date` getters, as cheap
   * as looking it up.
   */
  dayOf(item: { readonly time: number }): string {
    if (!this.dayParts) return this.dayKey(item.time);
    let day = this.itemDays.get(item);
    if (day === undefined) this.itemDays.set(item, (day = this.dayKey(item.time)));
    return day;
  }

  /** A day header: "Today", "Yesterday", "Monday, November 16" (with the year when it is not this year). */
  dayLabel(day: string, now: number): string {
    return total(() => this.dayText(day, now), () => day);
  }

  private dayText(day: string, now: number): string {
    const today = this.dayKey(now);
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d, 12));
    const ty = Number(today.slice(0, 4));
    const diffDays = dayNumber(day) - dayNumber(today);
    if (diffDays === 0 || diffDays === -1 || diffDays === 1) {
      const word = this.relative.format(diffDays, 'day');
      return word.charAt(0).toLocaleUpperCase(this.locale) + word.slice(1);
    }
    const format = y === ty ? this.dayFormat : this.dayYearFormat;
    return format.format(date);
  }

  /** A file size: "1.2 MB". */
  bytes(size: number): string {
    return total(() => this.bytesText(size), () => String(size));
  }

  private bytesText(size: number): string {
    if (!Number.isFinite(size) || size < 0) throw new RangeError(`not a size: ${size}`);
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = size;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return new Intl.NumberFormat(this.locale, { style: 'unit', unit: units[unit], unitDisplay: unit ? 'short' : 'long', maximumFractionDigits: unit ? 1 : 0 }).format(value);
  }

  /** A date and time given as an ISO string; the string itself when it is not a date. */
  dateTimeOf(iso: string): string {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : this.exact(time);
  }

  /** A time span in its largest whole unit: "12 days", "3 hours", "5 minutes" (a minute at least). */
  span(ms: number): string {
    const abs = Math.abs(ms);
    const [unit, size] = abs >= DAY ? ['day', DAY] : abs >= HOUR ? ['hour', HOUR] : ['minute', MINUTE];
    const value = Math.max(1, Math.round(abs / size));
    return total(() => new Intl.NumberFormat(this.locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value), () => `${value} ${unit}`);
  }

  /** A plain number, grouped for the locale. */
  count(value: number): string {
    return total(() => this.number.format(value), () => String(value));
  }
}
