import { css } from 'lit';
import { detailStyles } from './render/detail.styles.js';
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
`;

/**
 * The element's styles, in cascade order: tokens and the host, then each part,
 * forced colours last. Later sheets win ties, as later rules did in one sheet:
 * keep this order.
 */
export const styles = [host, rowStyles, detailStyles, filterBarStyles, stateStyles, printStyles, forcedColorStyles];
