/**
 * Search matches in a piece of text, wrapped in `<mark>`: the text stays text
 * (lit escapes it), only the marks are markup.
 */
import { html, type TemplateResult } from 'lit';
import { matchRanges, type SearchPattern } from '../data/filter.js';

/**
 * Returns `text` with every match of `pattern` marked, or `text` itself when nothing matches. Matches ignore case
 * and accents; the marks hold the original text (`leido` marks `leído`).
 */
export function markMatches(text: string, pattern: SearchPattern | null): string | TemplateResult[] {
  const ranges = matchRanges(text, pattern);
  if (!ranges.length) return text;
  const parts: TemplateResult[] = [];
  let last = 0;
  for (const [start, end] of ranges) {
    parts.push(html`${text.slice(last, start)}<mark class="match" part="match">${text.slice(start, end)}</mark>`);
    last = end;
  }
  parts.push(html`${text.slice(last)}`);
  return parts;
}
