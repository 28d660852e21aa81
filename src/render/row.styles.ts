import { css } from 'lit';

/**
 * The list and its rows: the scroller, focus rings, the type icon, title, tone and
 * status chips, meta line, day headers (in the row and pinned), avatars, badges,
 * and the light rows drawn during a fast sweep.
 */
export const rowStyles = css`
  .box {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    position: relative;
  }

  .scroller {
    flex: 1 1 auto;
    min-block-size: 0;
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
    inline-size: 100%;
    padding: var(--ct-row-padding, var(--_ct-row-padding));
    margin-block-end: var(--ct-row-gap, var(--_ct-row-gap));
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
    inline-size: var(--ct-icon-box, var(--_ct-icon-box));
    block-size: var(--ct-icon-box, var(--_ct-icon-box));
    border-radius: 50%;
    color: var(--_ct-cat, var(--ct-accent, var(--_ct-accent)));
    background: color-mix(in srgb, var(--_ct-cat, var(--ct-accent, var(--_ct-accent))) 12%, transparent);
  }
  .icon svg {
    inline-size: var(--ct-icon-size, var(--_ct-icon-size));
    block-size: var(--ct-icon-size, var(--_ct-icon-size));
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
    min-inline-size: 0;
  }
  /* The ⋯ button of an event with actions: a third column. */
  .has-actions {
    grid-template-columns: var(--ct-icon-box, var(--_ct-icon-box)) 1fr auto;
  }
  .row-actions {
    display: inline-flex;
    padding: 4px;
    border: 0;
    border-radius: 4px;
    color: var(--ct-muted, var(--_ct-muted));
    background: none;
    cursor: pointer;
  }
  .row-actions:hover {
    background: var(--ct-hover, var(--_ct-hover));
  }
  .row-actions svg {
    inline-size: 16px;
    block-size: 16px;
  }
  .toggle {
    all: unset;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 8px;
    inline-size: 100%;
    cursor: pointer;
    border-radius: 4px;
    font-weight: 600;
    color: inherit;
  }
  /* The title and its chips: chips wrap under the title rather than squeeze it. */
  .line {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px 8px;
  }
  .title {
    flex: 0 1 auto;
    /* Never narrower than about ten characters (or the whole line when that is less). */
    min-inline-size: min(100%, 10em);
    overflow-wrap: break-word;
    /* Long titles: two lines in the row, the full text in the detail. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }

  /* In a narrow element (a side panel, a phone) the title has the first line to itself, the chips go under it. */
  @container timeline (inline-size < 30rem) {
    .title {
      flex-basis: 100%;
    }
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
    margin-inline-start: auto;
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
    inline-size: 16px;
    block-size: 16px;
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
    margin-block-start: 2px;
  }
  .relative::before,
  .author::before,
  .later::before {
    content: '·';
    margin-inline-end: 10px;
  }
  .later {
    font-weight: 600;
  }
  /* Narrow: the time, the relative time and the author wrap; a dot would then open a line. */
  @container timeline (inline-size < 30rem) {
    .relative::before,
    .author::before,
    .later::before {
      content: none;
    }
  }
  .summary {
    margin-block: 4px 0;
    overflow-wrap: anywhere;
    color: var(--ct-muted, var(--_ct-muted));
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* A row while the list is swept faster than a screen per frame: type colour and title only. */
  .row-ph {
    display: flex;
    align-items: flex-start;
    gap: var(--ct-gap, var(--_ct-gap));
    inline-size: 100%;
    padding: var(--ct-row-padding, var(--_ct-row-padding));
    color: var(--ct-muted, var(--_ct-muted));
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row-ph .icon {
    flex: none;
  }

  /* Rows: day headers, avatars, status chips, badges */
  .row.has-day {
    grid-template-rows: auto auto;
  }
  .day {
    grid-column: 1 / -1;
    margin-block: 2px 8px;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--ct-muted, var(--_ct-muted));
  }
  .day-pin {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    z-index: 2;
    padding: 4px 14px;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--ct-muted, var(--_ct-muted));
    background: var(--ct-surface, var(--_ct-surface));
    border-block-end: 1px solid var(--ct-border, var(--_ct-border));
    pointer-events: none;
  }
  .list-area {
    position: relative;
    flex: 1 1 auto;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
  }
  .avatar {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: var(--ct-avatar-size, var(--_ct-avatar-size));
    block-size: var(--ct-avatar-size, var(--_ct-avatar-size));
    margin-inline-end: 4px;
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
    inline-size: 11px;
    block-size: 11px;
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
    margin-inline-end: 10px;
    font-style: normal;
  }
  /* An expanded row's detail box (what it holds: detail.styles.ts, with the detail's chunk). */
  .detail {
    margin-block-start: 8px;
    padding: 10px 12px;
    border-radius: var(--ct-radius-small, var(--_ct-radius-small));
    background: var(--ct-detail-surface, var(--_ct-detail-surface));
    overflow-wrap: anywhere;
    /* A long email scrolls in its own box: no row grows taller than a screen or two. */
    max-block-size: var(--ct-detail-max-height, var(--_ct-detail-max-height));
    overflow: auto;
  }
`;
