/**
 * The values of a field change as the rest of the row writes them: dates, money and numbers through Intl in the
 * element's locale (and time zone), by the change's `kind`. A value Intl cannot read stays as it was sent.
 */
import type { Formatters } from '../i18n/format.js';
import type { FieldChange } from '../model/event.js';

type Scalar = FieldChange['from'];

const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A number, or a string that is one ("1200.50"); `null` otherwise. */
function numberOf(v: Scalar): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || !NUMERIC.test(v.trim())) return null;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : null;
}

function formatted(v: NonNullable<Scalar>, change: FieldChange, fmt: Formatters): string {
  switch (change.kind) {
    case 'date': {
      if (typeof v === 'number') return fmt.exact(v);
      if (typeof v !== 'string') return String(v);
      const text = v.trim();
      return DATE_ONLY.test(text) ? fmt.dateOf(text) : fmt.dateTimeOf(text);
    }
    case 'money': {
      const n = numberOf(v);
      if (n === null) return String(v);
      return change.currency ? fmt.money(n, change.currency) : fmt.count(n);
    }
    case 'number': {
      const n = numberOf(v);
      return n === null ? String(v) : fmt.count(n);
    }
    default:
      return typeof v === 'number' ? fmt.count(v) : String(v);
  }
}

/** One side of a change, formatted by its `kind`; `empty` for no value. Never throws. */
export function changeValue(v: Scalar, change: FieldChange, fmt: Formatters, empty: string): string {
  if (v === null || v === undefined || v === '') return empty;
  try {
    return formatted(v, change, fmt);
  } catch {
    // A date or number Intl rejects (out of range): the value as it was sent.
    return String(v);
  }
}
