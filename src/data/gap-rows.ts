/** The gaps of a history put among its rows: pure, no DOM. */
import type { Gap } from './gaps.js';
import type { GapRow, Row } from './rows.js';
import { compareNewestFirst } from './store.js';

/**
 * `rows` with one row per gap, before the first row at or below the gap's lower side; the row after a gap shows its
 * day header (the day before it is not known to be the same). Returns `rows` itself when there is no gap.
 */
export function withGaps(rows: readonly Row[], gaps: readonly Gap[], heightOf: (gap: Gap) => number): Row[] {
  if (!gaps.length) return rows as Row[];
  const out: Row[] = [];
  let g = 0;
  let afterGap = false;
  for (const row of rows) {
    while (g < gaps.length && gaps[g].below !== null && compareNewestFirst(row.item, gaps[g].below!) >= 0) {
      out.push(gapRow(gaps[g], heightOf(gaps[g++])));
      afterGap = true;
    }
    out.push(afterGap && row.kind !== 'gap' && !row.firstOfDay ? { ...row, firstOfDay: true } : row);
    afterGap = false;
  }
  while (g < gaps.length) out.push(gapRow(gaps[g], heightOf(gaps[g++])));
  return out;
}

const gapRow = (gap: Gap, height: number): GapRow => ({ kind: 'gap', key: gap.key, item: gap.above, gap, height, day: '', firstOfDay: false });
