/**
 * Search matches in a piece of text, wrapped in `<mark>`: the text stays text
 * (lit escapes it), only the marks are markup.
 */
import { html, type TemplateResult } from 'lit';

/** Returns `text` with every match of `pattern` marked, or `text` itself when nothing matches. */
export function markMatches(text: string, pattern: RegExp | null): string | TemplateResult[] {
  if (!pattern || !text) return text;
  const parts: TemplateResult[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    parts.push(html`${text.slice(last, match.index)}<mark class="match" part="match">${match[0]}</mark>`);
    last = match.index + match[0].length;
  }
  if (!parts.length) return text;
  parts.push(html`${text.slice(last)}`);
  return parts;
}
