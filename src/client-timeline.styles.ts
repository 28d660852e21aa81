import { css } from 'lit';

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
export const styles = css`
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
    height: var(--ct-height, var(--_ct-height));
    min-height: 160px;
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

  .box {
    display: flex;
    flex-direction: column;
    height: 100%;
    position: relative;
  }

  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
    outline: none;
  }
  /* Focus parked on the list while the focused event is scrolled out of the DOM. */
  .scroller:focus-visible {
    outline: var(--ct-focus-width, var(--_ct-focus-width)) solid var(--ct-focus, var(--_ct-focus));
    outline-offset: calc(-1 * var(--ct-focus-width, var(--_ct-focus-width)));
  }

  .row {
    display: grid;
    grid-template-columns: var(--ct-icon-box, var(--_ct-icon-box)) 1fr;
    gap: 0 var(--ct-gap, var(--_ct-gap));
    width: 100%;
    padding: var(--ct-row-padding, var(--_ct-row-padding));
    margin-bottom: var(--ct-row-gap, var(--_ct-row-gap));
    border: 0 solid var(--ct-border, var(--_ct-border));
    border-width: var(--ct-row-border-width, var(--_ct-row-border-width));
    border-radius: var(--ct-row-radius, var(--_ct-row-radius));
    background: var(--ct-row-surface, var(--_ct-row-surface));
    outline: none;
  }
  .row:focus-visible,
  .toggle:focus-visible,
  .detail:focus-visible,
  .detail-title:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: var(--ct-focus-width, var(--_ct-focus-width)) solid var(--ct-focus, var(--_ct-focus));
    outline-offset: calc(-1 * var(--ct-focus-width, var(--_ct-focus-width)));
  }

  .icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--ct-icon-box, var(--_ct-icon-box));
    height: var(--ct-icon-box, var(--_ct-icon-box));
    border-radius: 50%;
    color: var(--_ct-cat, var(--ct-accent, var(--_ct-accent)));
    background: color-mix(in srgb, var(--_ct-cat, var(--ct-accent, var(--_ct-accent))) 12%, transparent);
  }
  .icon svg {
    width: var(--ct-icon-size, var(--_ct-icon-size));
    height: var(--ct-icon-size, var(--_ct-icon-size));
  }
  .cat-email { --_ct-cat: var(--ct-cat-email, var(--_ct-cat-email)); }
  .cat-call { --_ct-cat: var(--ct-cat-call, var(--_ct-cat-call)); }
  .cat-meeting { --_ct-cat: var(--ct-cat-meeting, var(--_ct-cat-meeting)); }
  .cat-task { --_ct-cat: var(--ct-cat-task, var(--_ct-cat-task)); }
  .cat-note { --_ct-cat: var(--ct-cat-note, var(--_ct-cat-note)); }
  .cat-deal { --_ct-cat: var(--ct-cat-deal, var(--_ct-cat-deal)); }
  .cat-billing { --_ct-cat: var(--ct-cat-billing, var(--_ct-cat-billing)); }
  .cat-file { --_ct-cat: var(--ct-cat-file, var(--_ct-cat-file)); }
  .cat-chat { --_ct-cat: var(--ct-cat-chat, var(--_ct-cat-chat)); }
  .cat-update { --_ct-cat: var(--ct-cat-update, var(--_ct-cat-update)); }
  .cat-other { --_ct-cat: var(--ct-cat-other, var(--_ct-cat-other)); }
  .tone-failed .icon { --_ct-cat: var(--ct-failed, var(--_ct-failed)); }

  .main {
    min-width: 0;
  }
  .toggle {
    all: unset;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 8px;
    width: 100%;
    cursor: pointer;
    border-radius: 4px;
    font-weight: 600;
    color: inherit;
  }
  .title {
    flex: 0 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
    /* Long titles: two lines in the row, the full text in the detail. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
  .detail-title {
    margin: 4px 0 0;
    max-height: 12em;
    overflow: auto;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
    font-weight: 600;
  }
  .tone-label {
    flex: none;
    font-size: var(--ct-font-size-label, var(--_ct-font-size-label));
    font-weight: 600;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .tone-failed .tone-label,
  .tone-failed .title { color: var(--ct-failed, var(--_ct-failed)); }
  .tone-success .tone-label { color: var(--ct-success, var(--_ct-success)); }
  .tone-warning .tone-label { color: var(--ct-warning, var(--_ct-warning)); }
  .chevron {
    margin-left: auto;
    flex: none;
    display: inline-flex;
    color: var(--ct-muted, var(--_ct-muted));
  }
  @media (prefers-reduced-motion: no-preference) {
    .chevron {
      transition: transform 120ms ease;
    }
  }
  .chevron svg {
    width: 16px;
    height: 16px;
  }
  .expanded .chevron {
    transform: rotate(180deg);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
    margin-top: 2px;
  }
  .relative::before,
  .author::before {
    content: '·';
    margin-right: 10px;
  }
  .summary,
  .detail-summary {
    margin: 4px 0 0;
    overflow-wrap: anywhere;
  }
  .summary {
    color: var(--ct-muted, var(--_ct-muted));
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .detail {
    margin-top: 8px;
    padding: 10px 12px;
    border-radius: var(--ct-radius-small, var(--_ct-radius-small));
    background: var(--ct-detail-surface, var(--_ct-detail-surface));
    overflow-wrap: anywhere;
    /* A long email scrolls in its own box: no row grows taller than a screen or two. */
    max-height: var(--ct-detail-max-height, var(--_ct-detail-max-height));
    overflow: auto;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0 0 6px;
  }
  .field {
    display: contents;
  }
  dt {
    color: var(--ct-muted, var(--_ct-muted));
  }
  dd {
    margin: 0;
  }
  .amount {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .body-text {
    white-space: pre-wrap;
  }
  .body {
    margin: 6px 0;
  }
  .body-html img {
    max-width: 100%;
  }
  .changes {
    border-collapse: collapse;
    margin: 6px 0;
  }
  .changes caption {
    text-align: start;
    color: var(--ct-muted, var(--_ct-muted));
  }
  .changes th {
    text-align: start;
    font-weight: 600;
    padding-right: 12px;
  }
  .changes td {
    padding: 0 4px;
  }
  .changes del {
    color: var(--ct-muted, var(--_ct-muted));
  }
  .changes ins {
    text-decoration: none;
    font-weight: 600;
  }
  .attachments ul {
    margin: 4px 0;
    padding-left: 18px;
  }
  a {
    color: var(--ct-accent, var(--_ct-accent));
  }
  audio {
    display: block;
    margin-top: 6px;
    max-width: 100%;
  }

  .status-bar {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 6px 14px;
    border-top: 1px solid var(--ct-border, var(--_ct-border));
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .status-bar.error,
  .state.error {
    color: var(--ct-failed, var(--_ct-failed));
  }
  .state {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    padding: 24px;
    text-align: center;
  }
  .state p {
    margin: 0;
  }
  .state .hint {
    color: var(--ct-muted, var(--_ct-muted));
  }
  .state .icon {
    --_ct-cat: var(--ct-muted, var(--_ct-muted));
  }
  .state.error .icon {
    --_ct-cat: var(--ct-failed, var(--_ct-failed));
  }
  .retry {
    font: inherit;
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid var(--ct-border, var(--_ct-border));
    background: var(--ct-surface, var(--_ct-surface));
    color: var(--ct-text, var(--_ct-text));
    cursor: pointer;
  }
  .retry:hover {
    background: var(--ct-hover, var(--_ct-hover));
  }
  .images-blocked {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    margin: 8px 0;
    padding: 6px 10px;
    border: 1px dashed var(--ct-border, var(--_ct-border));
    border-radius: 6px;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: 0.9em;
  }

  /* A row while the list is swept faster than a screen per frame: type colour and title only. */
  .row-ph {
    display: flex;
    align-items: flex-start;
    gap: var(--ct-gap, var(--_ct-gap));
    width: 100%;
    padding: var(--ct-row-padding, var(--_ct-row-padding));
    color: var(--ct-muted, var(--_ct-muted));
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row-ph .icon {
    flex: none;
  }
  .skeleton-row,
  .loader {
    display: flex;
    gap: 12px;
    width: 100%;
    padding: var(--ct-row-padding, var(--_ct-row-padding));
  }
  .skeleton-row .icon,
  .loader .icon {
    background: var(--ct-skeleton, var(--_ct-skeleton));
  }
  .lines {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding-top: 4px;
  }
  .lines span {
    height: 10px;
    border-radius: 4px;
    background: var(--ct-skeleton, var(--_ct-skeleton));
    width: 70%;
  }
  .lines span + span {
    width: 40%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .lines span {
      animation: pulse 1.2s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  /* Rows: day headers, avatars, status chips, badges, rich detail */
  .row.has-day {
    grid-template-rows: auto auto;
  }
  .day {
    grid-column: 1 / -1;
    margin: 2px 0 8px;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--ct-muted, var(--_ct-muted));
  }
  .day-pin {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    z-index: 2;
    padding: 4px 14px;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--ct-muted, var(--_ct-muted));
    background: var(--ct-surface, var(--_ct-surface));
    border-bottom: 1px solid var(--ct-border, var(--_ct-border));
    pointer-events: none;
  }
  .list-area {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .avatar {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--ct-avatar-size, var(--_ct-avatar-size));
    height: var(--ct-avatar-size, var(--_ct-avatar-size));
    margin-right: 4px;
    border-radius: 50%;
    vertical-align: middle;
    object-fit: cover;
    font-size: 0.65em;
    font-weight: 600;
    color: var(--ct-surface, var(--_ct-surface));
    background: var(--ct-muted, var(--_ct-muted));
  }
  .status,
  .badge {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 3px;
    font-size: var(--ct-font-size-label, var(--_ct-font-size-label));
    font-weight: 600;
    padding: 0 7px;
    border-radius: 999px;
    color: var(--_ct-chip, var(--ct-muted, var(--_ct-muted)));
    background: color-mix(in srgb, var(--_ct-chip, var(--ct-muted, var(--_ct-muted))) 12%, transparent);
  }
  .badge svg {
    width: 11px;
    height: 11px;
  }
  .status-blue { --_ct-chip: var(--ct-status-blue, var(--_ct-status-blue)); }
  .status-red { --_ct-chip: var(--ct-status-red, var(--_ct-status-red)); }
  .status-green { --_ct-chip: var(--ct-status-green, var(--_ct-status-green)); }
  .status-yellow { --_ct-chip: var(--ct-status-yellow, var(--_ct-status-yellow)); }
  .status-orange { --_ct-chip: var(--ct-status-orange, var(--_ct-status-orange)); }
  .status-purple { --_ct-chip: var(--ct-status-purple, var(--_ct-status-purple)); }
  .status-grey { --_ct-chip: var(--ct-status-grey, var(--_ct-status-grey)); }
  .edited {
    font-style: italic;
  }
  .edited::before {
    content: '·';
    margin-right: 10px;
    font-style: normal;
  }
  .quoted summary {
    cursor: pointer;
    color: var(--ct-accent, var(--_ct-accent));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .quoted .body {
    color: var(--ct-muted, var(--_ct-muted));
  }
  .attachments li {
    display: flex;
    align-items: center;
    gap: 6px;
    list-style: none;
  }
  .attachments ul {
    padding-left: 0;
  }
  .file-icon svg {
    width: 14px;
    height: 14px;
    vertical-align: middle;
  }
  .size {
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .open {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    margin-top: 6px;
  }
  .open svg {
    width: 14px;
    height: 14px;
  }
  .folded {
    margin: 0;
    padding-left: 18px;
  }
  .folded li + li {
    margin-top: 6px;
  }
  .folded time {
    margin-left: 8px;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* ── Finding things: filter bar, search matches, new-events pill, search status, print ── */
  .filter-bar {
    flex: none;
    position: relative;
    z-index: 3;
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px 10px;
    border-bottom: 1px solid var(--ct-border, var(--_ct-border));
    background: var(--ct-surface, var(--_ct-surface));
  }
  .fb-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .fb-search {
    flex: 1 1 160px;
    position: relative;
    display: flex;
    align-items: center;
  }
  .fb-search-icon {
    position: absolute;
    left: 8px;
    display: inline-flex;
    color: var(--ct-muted, var(--_ct-muted));
    pointer-events: none;
  }
  .fb-search-icon svg,
  .fb-button svg,
  .fb-chip svg,
  .new-events svg {
    width: 14px;
    height: 14px;
  }
  .fb-search input,
  .fb-select,
  .fb-button,
  .fb-small,
  .fb-dates input,
  .fb-jump input {
    font: inherit;
    color: inherit;
    min-height: 28px;
    padding: 2px 8px;
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 6px;
    background: var(--ct-surface, var(--_ct-surface));
  }
  .fb-search input {
    width: 100%;
    padding-left: 28px;
  }
  .fb-button,
  .fb-small {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    cursor: pointer;
    white-space: nowrap;
  }
  .fb-small {
    min-height: 24px;
    padding: 0 8px;
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .fb-button:hover,
  .fb-small:hover,
  .fb-item:hover {
    background: var(--ct-hover, var(--_ct-hover));
  }
  .fb-menu {
    position: relative;
  }
  .fb-menu > summary {
    list-style: none;
  }
  .fb-menu > summary::-webkit-details-marker {
    display: none;
  }
  .fb-panel {
    position: absolute;
    top: calc(100% + 4px);
    left: 0;
    z-index: 4;
    min-width: 200px;
    max-height: 260px;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 6px;
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 8px;
    background: var(--ct-surface, var(--_ct-surface));
    box-shadow: var(--ct-elevation-overlay, var(--_ct-elevation-overlay));
  }
  .fb-panel-end {
    left: auto;
    right: 0;
  }
  .fb-check,
  .fb-item {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 6px;
    border-radius: 4px;
    cursor: pointer;
  }
  .fb-item {
    font: inherit;
    color: inherit;
    border: 0;
    background: none;
    text-align: start;
  }
  .fb-jump {
    display: flex;
    align-items: end;
    gap: 6px;
    padding: 4px 6px 8px;
    border-bottom: 1px solid var(--ct-border, var(--_ct-border));
    margin-bottom: 4px;
  }
  .fb-jump label,
  .fb-dates label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--ct-muted, var(--_ct-muted));
  }
  .fb-cats {
    display: flex;
    align-items: center;
    gap: 4px;
    overflow-x: auto;
    scrollbar-width: thin;
    padding-bottom: 2px;
  }
  .fb-cat {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px 1px 4px;
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 999px;
    cursor: pointer;
    white-space: nowrap;
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .fb-cat:has(input:checked) {
    border-color: var(--_ct-cat, var(--ct-accent, var(--_ct-accent)));
    background: color-mix(in srgb, var(--_ct-cat, var(--ct-accent, var(--_ct-accent))) 10%, transparent);
  }
  .fb-cat input {
    margin: 0;
    accent-color: var(--_ct-cat, var(--ct-accent, var(--_ct-accent)));
  }
  .fb-cat:has(:focus-visible) {
    outline: 2px solid var(--ct-focus, var(--_ct-focus));
    outline-offset: 1px;
  }
  .fb-zero {
    color: var(--ct-muted, var(--_ct-muted));
  }
  .fb-count {
    color: var(--ct-muted, var(--_ct-muted));
    font-variant-numeric: tabular-nums;
  }
  .fb-note {
    flex: none;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: 0.85em;
    margin: 0;
  }
  .fb-chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
  .fb-chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    max-width: 100%;
    padding: 0 2px 0 8px;
    border-radius: 999px;
    background: var(--ct-hover, var(--_ct-hover));
    border: 1px solid var(--ct-border, var(--_ct-border));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
    overflow-wrap: anywhere;
  }
  .fb-chip-remove {
    display: inline-flex;
    padding: 2px;
    border: 0;
    border-radius: 50%;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .fb-clear {
    border-color: transparent;
    color: var(--ct-accent, var(--_ct-accent));
  }
  mark.match {
    background: var(--ct-match, var(--_ct-match));
    color: inherit;
    border-radius: 2px;
    box-shadow: 0 0 0 1px var(--ct-match-border, var(--_ct-match-border));
  }
  .new-events {
    position: absolute;
    top: 8px;
    left: 50%;
    transform: translateX(-50%);
    /* Above the pinned day header. */
    z-index: 3;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 4px 12px;
    font: inherit;
    font-weight: 600;
    color: var(--ct-on-accent, var(--_ct-on-accent));
    background: var(--ct-accent, var(--_ct-accent));
    border: 0;
    border-radius: 999px;
    box-shadow: var(--ct-elevation-overlay, var(--_ct-elevation-overlay));
    cursor: pointer;
  }
  .search-status {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: 2;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 10px;
    padding: 6px 14px;
    border-top: 1px solid var(--ct-border, var(--_ct-border));
    background: var(--ct-surface, var(--_ct-surface));
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .print-list {
    display: none;
  }
  @media print {
    :host {
      height: auto !important;
      contain: none;
      overflow: visible;
      border: 0;
    }
    .box {
      height: auto;
      display: block;
    }
    .fb-row,
    .fb-cats,
    .fb-chips,
    .list-area,
    .status-bar,
    .search-status,
    .new-events {
      display: none !important;
    }
    .filter-bar {
      display: none;
    }
    .print-list {
      display: block;
      color: #000;
    }
    .print-list ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .print-list li {
      break-inside: avoid;
      padding: 6px 0;
      border-bottom: 1px solid #ccc;
    }
    .print-list p {
      margin: 2px 0 0;
    }
    .print-meta,
    .print-filters {
      color: #444;
      font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
    }
  }
`;
