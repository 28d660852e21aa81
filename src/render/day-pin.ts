/**
 * The day of the first row in view, pinned at the top once the list is scrolled. Set in place rather than rendered:
 * it changes while scrolling, where a full render would be wasted work.
 */
import type { Row } from '../data/rows.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';

export function updateDayPin(pin: HTMLElement | null, row: Row | undefined, atTop: boolean, now: number, fmt: Formatters, msg: Messages): void {
  if (!pin) return;
  pin.hidden = !row || atTop;
  if (!row || atTop) return;
  // Over a gap (events not loaded yet, maybe taller than the view): what it holds, while its page loads.
  const { gap } = row.kind === 'gap' ? row : { gap: null };
  const label = gap
    ? msg.find.gap(fmt.date(gap.above.time), gap.below ? fmt.date(gap.below.time) : null, gap.count === null ? null : fmt.count(gap.count))
    : row.item.time > now
      ? msg.upcoming
      : fmt.dayLabel(row.day, now);
  if (pin.textContent !== label) pin.textContent = label;
}
