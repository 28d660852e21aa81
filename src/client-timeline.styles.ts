import { adoptStyles, css, supportsAdoptingStyleSheets, type CSSResult } from 'lit';
import { filterBarStyles } from './render/filter-bar.styles.js';
import { forcedColorStyles } from './render/forced-colors.styles.js';
import { printStyles } from './render/print.styles.js';
import { rowStyles } from './render/row.styles.js';
import { stateStyles } from './render/states.styles.js';

/**
 * The dark defaults, used for `theme="dark"` and for a viewer who prefers
 * dark unless `theme="light"`. Each pair meets WCAG AA like the light ones
 * (checked by test/theme.test.ts).
 */
const dark = css`
  color-scheme: dark;
  --_ct-surface: #0d1117;
  --_ct-text: #f0f6fc;
  --_ct-muted: #9198a1;
  --_ct-border: #3d444d;
  --_ct-accent: #4493f8;
  --_ct-on-accent: #0d1117;
  --_ct-focus: #4493f8;
  --_ct-hover: #151b23;
  --_ct-detail-surface: #151b23;
  --_ct-skeleton: #262c36;
  --_ct-failed: #f85149;
  --_ct-success: #3fb950;
  --_ct-warning: #d29922;
  --_ct-match: #4d3a0c;
  --_ct-match-border: #d29922;
  --_ct-cat-email: #4493f8;
  --_ct-cat-call: #3fb950;
  --_ct-cat-meeting: #ab7df8;
  --_ct-cat-task: #39c5cf;
  --_ct-cat-note: #d29922;
  --_ct-cat-deal: #db61a2;
  --_ct-cat-billing: #58a6ff;
  --_ct-cat-file: #9198a1;
  --_ct-cat-chat: #79c0ff;
  --_ct-cat-update: #9198a1;
  --_ct-cat-other: #9198a1;
  --_ct-status-blue: #4493f8;
  --_ct-status-red: #f85149;
  --_ct-status-green: #3fb950;
  --_ct-status-yellow: #d29922;
  --_ct-status-orange: #db6d28;
  --_ct-status-purple: #ab7df8;
  --_ct-status-grey: #9198a1;
  --_ct-elevation-overlay: 0 8px 24px rgb(1 4 9 / 0.6);
`;

/**
 * Public tokens are `--ct-*`; each falls back to a private default
 * (`--_ct-*`, light here, dark above) so a host can override any of them.
 * Colours appear only in those defaults (print styles aside).
 */
const host = css`
  :host {
    --_ct-surface: #ffffff;
    --_ct-text: #1f2328;
    --_ct-muted: #59636e;
    --_ct-border: #d1d9e0;
    --_ct-accent: #0969da;
    --_ct-focus: #0969da;
    --_ct-hover: #f6f8fa;
    --_ct-failed: #cf222e;
    --_ct-success: #1a7f37;
    --_ct-warning: #9a6700;
    --_ct-skeleton: #eaeef2;
    --_ct-detail-surface: #f6f8fa;
    --_ct-on-accent: #ffffff;
    --_ct-match: #fff8c5;
    --_ct-match-border: #9a6700;
    --_ct-cat-email: #0969da;
    --_ct-cat-call: #1a7f37;
    --_ct-cat-meeting: #8250df;
    --_ct-cat-task: #0a7c86;
    --_ct-cat-note: #9a6700;
    --_ct-cat-deal: #bf3989;
    --_ct-cat-billing: #1f6feb;
    --_ct-cat-file: #57606a;
    --_ct-cat-chat: #0550ae;
    --_ct-cat-update: #6e7781;
    --_ct-cat-other: #59636e;
    --_ct-status-blue: #0550ae;
    --_ct-status-red: #a40e26;
    --_ct-status-green: #116329;
    --_ct-status-yellow: #7d4e00;
    --_ct-status-orange: #953800;
    --_ct-status-purple: #6639ba;
    --_ct-status-grey: #59636e;
    --_ct-elevation: none;
    --_ct-elevation-overlay: 0 6px 18px rgb(0 0 0 / 0.16);
    --_ct-height: 480px;
    --_ct-font-size: 0.875rem;
    --_ct-font-size-small: 0.9em;
    --_ct-font-size-label: 0.75em;
    --_ct-line-height: 1.4;
    --_ct-radius: 8px;
    --_ct-radius-small: 6px;
    --_ct-detail-max-height: 32rem;
    --_ct-row-radius: 0;
    --_ct-row-gap: 0;
    --_ct-row-surface: transparent;
    --_ct-row-border-width: 0 0 1px 0;
    --_ct-row-padding: 10px 14px;
    --_ct-gap: 12px;
    --_ct-icon-box: 32px;
    --_ct-icon-size: 18px;
    --_ct-avatar-size: 18px;
    --_ct-focus-width: 2px;

    color-scheme: light;
    display: block;
    box-sizing: border-box;
    block-size: var(--ct-height, var(--_ct-height));
    min-block-size: 160px;
    color: var(--ct-text, var(--_ct-text));
    background: var(--ct-surface, var(--_ct-surface));
    font-family: var(--ct-font-family, inherit);
    font-size: var(--ct-font-size, var(--_ct-font-size));
    line-height: var(--ct-line-height, var(--_ct-line-height));
    border: 1px solid var(--ct-border, var(--_ct-border));
    box-shadow: var(--ct-elevation, var(--_ct-elevation));
    border-radius: var(--ct-radius, var(--_ct-radius));
    overflow: hidden;
    contain: strict;
  }
  :host([hidden]) {
    display: none;
  }
  /* Dark: by attribute, or by the viewer's preference unless theme="light". */
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([density='compact']) {
    --_ct-row-padding: 6px 12px;
    --_ct-gap: 10px;
    --_ct-icon-box: 24px;
    --_ct-icon-size: 14px;
    --_ct-avatar-size: 16px;
    --_ct-line-height: 1.3;
  }
  * {
    box-sizing: border-box;
  }
  /* The element's own width decides its narrow layouts (container queries), not the viewport's. */
  .box {
    container: timeline / inline-size;
  }
  /* The status summary and the to-do section, both unfolded, never take the list's room: at most 40 % of the
     element, scrolling inside. */
  .records {
    flex: 0 1 auto;
    max-block-size: 40%;
    overflow: auto;
  }
  .records:empty {
    display: none;
  }
`;

/**
 * The styles of the parts that are lazily loaded chunks, which bring them: what an expanded row's detail holds, what
 * the filter bar's panels hold, the status summary and the to-do section. `undefined` until their chunk is there.
 */
export interface LateStyles {
  detail: CSSResult | undefined;
  panels: CSSResult | undefined;
  records: CSSResult | undefined;
}

/**
 * The element's styles, in cascade order: tokens and the host, then each part,
 * forced colours last. Later sheets win ties, as later rules did in one sheet:
 * keep this order. The sheets of lazily loaded parts take their place in it when they arrive.
 */
const cascade = (late?: LateStyles): CSSResult[] =>
  [host, rowStyles, late?.detail, filterBarStyles, late?.panels, late?.records, stateStyles, printStyles, forcedColorStyles].filter((s) => s !== undefined);

/**
 * Adopts into `root` the styles of the lazily loaded parts that arrived since `adopted` (which it updates), each in its
 * place in the cascade, before the part renders. Sheets the page added to `root` stay, after the element's.
 */
export function adoptLateStyles(root: ShadowRoot, late: LateStyles, adopted: Set<CSSResult>): void {
  const arrived = Object.values(late).filter((s): s is CSSResult => s !== undefined && !adopted.has(s));
  if (!arrived.length) return;
  for (const s of arrived) adopted.add(s);
  if (supportsAdoptingStyleSheets) {
    const sheets = cascade(late).map((s) => s.styleSheet!);
    const own = new Set(sheets);
    root.adoptedStyleSheets = [...sheets, ...root.adoptedStyleSheets.filter((s) => !own.has(s))];
  } else {
    // Without constructable style sheets (Lit's <style> elements): after the element's own.
    adoptStyles(root, arrived);
  }
}

/**
 * The element's styles at first (see `cascade`).
 *
 * The public tokens, documented here beside their defaults; `npm run analyze` puts them in the element's
 * `cssProperties` (custom-elements-manifest.config.mjs), test/element/theme.test.ts checks each is used and each
 * used one is documented.
 *
 * @cssprop [--ct-surface=#ffffff] - Background (dark: `#0d1117`).
 * @cssprop [--ct-text=#1f2328] - Main text colour (dark: `#f0f6fc`).
 * @cssprop [--ct-muted=#59636e] - Secondary text: times, authors, summaries, day headers (dark: `#9198a1`).
 * @cssprop [--ct-border=#d1d9e0] - Borders and row separators (dark: `#3d444d`).
 * @cssprop [--ct-accent=#0969da] - Links, the new-events pill and the default icon colour (dark: `#4493f8`).
 * @cssprop [--ct-on-accent=#ffffff] - Text on the accent colour (dark: `#0d1117`).
 * @cssprop [--ct-focus=#0969da] - Focus ring (dark: `#4493f8`).
 * @cssprop [--ct-focus-width=2px] - Width of the focus ring.
 * @cssprop [--ct-hover=#f6f8fa] - Background of hovered buttons and menu items (dark: `#151b23`).
 * @cssprop [--ct-detail-surface=#f6f8fa] - Background of an expanded detail (dark: `#151b23`).
 * @cssprop [--ct-skeleton=#eaeef2] - Placeholder bars while loading (dark: `#262c36`).
 * @cssprop [--ct-failed=#cf222e] - Failed events (e.g. a failed call) and errors (dark: `#f85149`).
 * @cssprop [--ct-success=#1a7f37] - Successful outcomes (dark: `#3fb950`).
 * @cssprop [--ct-warning=#9a6700] - Events that need attention (dark: `#d29922`).
 * @cssprop [--ct-match=#fff8c5] - Background of search matches in rows (dark: `#4d3a0c`).
 * @cssprop [--ct-match-border=#9a6700] - Outline of search matches in rows (dark: `#d29922`).
 * @cssprop [--ct-cat-email=#0969da] - Icon colour of emails (dark: `#4493f8`).
 * @cssprop [--ct-cat-call=#1a7f37] - Icon colour of calls (dark: `#3fb950`).
 * @cssprop [--ct-cat-meeting=#8250df] - Icon colour of meetings (dark: `#ab7df8`).
 * @cssprop [--ct-cat-task=#0a7c86] - Icon colour of tasks (dark: `#39c5cf`).
 * @cssprop [--ct-cat-note=#9a6700] - Icon colour of notes (dark: `#d29922`).
 * @cssprop [--ct-cat-deal=#bf3989] - Icon colour of proposals, deals and quotes (dark: `#db61a2`).
 * @cssprop [--ct-cat-billing=#1f6feb] - Icon colour of invoices and payments (dark: `#58a6ff`).
 * @cssprop [--ct-cat-file=#57606a] - Icon colour of files and attachments (dark: `#9198a1`).
 * @cssprop [--ct-cat-chat=#0550ae] - Icon colour of chats (dark: `#79c0ff`).
 * @cssprop [--ct-cat-update=#6e7781] - Icon colour of record updates: field changes, assignments, lifecycle, merges (dark: `#9198a1`).
 * @cssprop [--ct-cat-other=#59636e] - Icon colour of other events (dark: `#9198a1`).
 * @cssprop [--ct-status-blue=#0550ae] - Status chips such as Open, Sent (dark: `#4493f8`).
 * @cssprop [--ct-status-red=#a40e26] - Status chips such as Overdue, Expired, Declined (dark: `#f85149`).
 * @cssprop [--ct-status-green=#116329] - Status chips such as Closed, Paid, Accepted, Completed (dark: `#3fb950`).
 * @cssprop [--ct-status-yellow=#7d4e00] - Status chips such as Credited (dark: `#d29922`).
 * @cssprop [--ct-status-orange=#953800] - Status chips such as In Progress (dark: `#db6d28`).
 * @cssprop [--ct-status-purple=#6639ba] - Status chips such as To Schedule (dark: `#ab7df8`).
 * @cssprop [--ct-status-grey=#59636e] - Status chips such as Draft, Cancelled, and unknown statuses (dark: `#9198a1`).
 * @cssprop [--ct-font-family=inherit] - Font family (inherits the page's by default).
 * @cssprop [--ct-font-size=0.875rem] - Base font size.
 * @cssprop [--ct-font-size-small=0.9em] - Size of secondary text: times, authors, bars.
 * @cssprop [--ct-font-size-label=0.75em] - Size of chips and badges: tone, status, Internal.
 * @cssprop [--ct-line-height=1.4] - Line height (`1.3` when compact).
 * @cssprop [--ct-height=480px] - Height of the element (the list scrolls inside it).
 * @cssprop [--ct-radius=8px] - Corner radius of the element.
 * @cssprop [--ct-radius-small=6px] - Corner radius of the detail box.
 * @cssprop [--ct-detail-max-height=32rem] - Tallest an expanded detail grows; a longer one (a long email) scrolls inside its box, which is then keyboard-focusable (a region named after the event). Also keeps every row far shorter than the list, which the virtualizer needs to render the rows around it.
 * @cssprop [--ct-elevation=none] - Shadow of the element.
 * @cssprop [--ct-elevation-overlay=0 6px 18px rgb(0 0 0 / 0.16)] - Shadow of menus and the new-events pill.
 * @cssprop [--ct-row-padding=10px 14px] - Padding of each event row (`6px 12px` when compact).
 * @cssprop [--ct-row-gap=0] - Space between rows (e.g. `8px` with `--ct-row-border-width: 1px` for cards).
 * @cssprop [--ct-row-border-width=0 0 1px 0] - Border widths of a row, in `--ct-border` colour: a separator below by default.
 * @cssprop [--ct-row-radius=0] - Corner radius of a row.
 * @cssprop [--ct-row-surface=transparent] - Background of a row.
 * @cssprop [--ct-gap=12px] - Gap between the icon and the text of a row (`10px` when compact).
 * @cssprop [--ct-icon-box=32px] - Size of the round icon badge (`24px` when compact).
 * @cssprop [--ct-icon-size=18px] - Size of the icon glyph (`14px` when compact).
 * @cssprop [--ct-avatar-size=18px] - Size of the author avatar or initials (`16px` when compact).
 */
export const styles = cascade();
