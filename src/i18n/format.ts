/**
 * Every date, number, currency, duration and relative time goes through Intl,
 * in the element's locale. Formatters are built once per locale.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Resolves a requested locale to one Intl supports, else the browser's. */
export function resolveLocale(requested: string | null | undefined): string {
  const candidates = [requested, navigator.language, 'en'];
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

export class Formatters {
  readonly locale: string;
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly relative: Intl.RelativeTimeFormat;
  private readonly currencies = new Map<string, Intl.NumberFormat>();
  private readonly duration: { format(value: Record<string, number>): string } | null;
  private readonly number: Intl.NumberFormat;

  constructor(locale: string) {
    this.locale = resolveLocale(locale);
    this.dateTime = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.relative = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    this.number = new Intl.NumberFormat(this.locale);
    const DurationFormat = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => { format(v: Record<string, number>): string } }).DurationFormat;
    this.duration = DurationFormat ? new DurationFormat(this.locale, { style: 'short' }) : null;
  }

  /** Exact date and time, e.g. "Nov 13, 2026, 9:30 AM". */
  exact(time: number): string {
    return this.dateTime.format(time);
  }

  /** Relative to `now`, e.g. "10 days ago", "yesterday", "in 2 hours". */
  relativeTo(time: number, now: number): string {
    const diff = time - now;
    const abs = Math.abs(diff);
    if (abs < MINUTE) return this.relative.format(Math.round(diff / SECOND) === 0 ? 0 : Math.round(diff / SECOND), 'second');
    if (abs < HOUR) return this.relative.format(Math.round(diff / MINUTE), 'minute');
    if (abs < DAY) return this.relative.format(Math.round(diff / HOUR), 'hour');
    if (abs < 30 * DAY) return this.relative.format(Math.round(diff / DAY), 'day');
    if (abs < 365 * DAY) return this.relative.format(Math.round(diff / (30.44 * DAY)), 'month');
    return this.relative.format(Math.round(diff / (365.25 * DAY)), 'year');
  }

  /** A money amount in its currency, e.g. "₡480,000.00". Unknown currency codes fall back to "480,000 XYZ". */
  money(value: number, currency: string): string {
    const code = currency.toUpperCase();
    let format = this.currencies.get(code);
    if (!format) {
      try {
        format = new Intl.NumberFormat(this.locale, { style: 'currency', currency: code });
      } catch {
        return `${this.number.format(value)} ${code}`;
      }
      this.currencies.set(code, format);
    }
    return format.format(value);
  }

  /** A call length, e.g. "4 min, 12 sec". */
  durationOf(totalSeconds: number): string {
    const seconds = Math.round(totalSeconds);
    const parts = { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60), seconds: seconds % 60 };
    if (this.duration) return this.duration.format(parts);
    return `${parts.hours ? `${parts.hours}:` : ''}${String(parts.minutes).padStart(parts.hours ? 2 : 1, '0')}:${String(parts.seconds).padStart(2, '0')}`;
  }

  /** A plain number, grouped for the locale. */
  count(value: number): string {
    return this.number.format(value);
  }
}

/** How long until a relative label computed now could read differently. */
export function refreshDelay(age: number): number {
  const abs = Math.abs(age);
  if (abs < HOUR) return 15 * SECOND;
  return MINUTE;
}
