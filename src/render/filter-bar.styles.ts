import { css } from 'lit';

/**
 * The filter bar: search, date range, people and actions menus, category toggles,
 * active-filter chips; and the search's matches highlighted in rows.
 */
export const filterBarStyles = css`
  .filter-bar {
    flex: none;
    position: relative;
    z-index: 3;
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px 10px;
    border-block-end: 1px solid var(--ct-border, var(--_ct-border));
    background: var(--ct-surface, var(--_ct-surface));
  }
  .fb-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .fb-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  /* A control with its label inside its border: the label stays while typing. */
  .fb-field {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-block-size: 28px;
    padding-inline: 8px;
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 6px;
    background: var(--ct-surface, var(--_ct-surface));
  }
  .fb-field:focus-within {
    outline: var(--ct-focus-width, 2px) solid var(--ct-focus, var(--_ct-focus));
    outline-offset: 1px;
  }
  .fb-label {
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
    white-space: nowrap;
  }
  .fb-search {
    flex: 1 1 220px;
    min-inline-size: 0;
  }
  .fb-search-icon {
    display: inline-flex;
    color: var(--ct-muted, var(--_ct-muted));
  }
  .fb-search-icon svg,
  .fb-button svg,
  .fb-chip svg {
    inline-size: 14px;
    block-size: 14px;
  }
  .fb-field input,
  .fb-field select {
    flex: 1 1 auto;
    min-inline-size: 0;
    font: inherit;
    color: inherit;
    padding-block: 2px;
    padding-inline: 0;
    border: 0;
    background: none;
    outline: none;
  }
  .fb-field input {
    min-inline-size: 6ch;
  }
  /* The date fields of the filter bar and of the jump-to-date panel (its chunk's styles add to these). */
  .fb-dates input,
  .fb-jump input {
    font: inherit;
    color: inherit;
    min-block-size: 28px;
    padding: 2px 8px;
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 6px;
    background: var(--ct-surface, var(--_ct-surface));
  }
  .fb-button,
  .fb-small {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-block-size: 28px;
    padding: 2px 8px;
    font: inherit;
    color: inherit;
    white-space: nowrap;
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 6px;
    background: var(--ct-surface, var(--_ct-surface));
    cursor: pointer;
  }
  /* The smaller buttons: All, None, Jump, Clear all. */
  .fb-small {
    min-block-size: 24px;
    padding: 0 8px;
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .fb-button:hover,
  .fb-small:hover,
  .fb-item:hover {
    background: var(--ct-hover, var(--_ct-hover));
  }
  /*
   * Panels are popovers in the top layer, anchored to their button: under it, starting at its start edge (the
   * actions' panels at its end edge), flipped when that side has no room. MenuController measures and moves one
   * that still sticks out of the viewport.
   */
  .fb-panel {
    position: fixed;
    inset: auto;
    margin: 0;
    margin-block: 4px;
    position-area: block-end span-inline-end;
    position-try-fallbacks: flip-inline, flip-block, flip-block flip-inline;
    min-inline-size: 200px;
    max-inline-size: min(22rem, calc(100vw - 16px));
    max-block-size: min(20rem, calc(100vh - 16px));
    overflow: auto;
    flex-direction: column;
    gap: 2px;
    padding: 6px;
    color: var(--ct-text, var(--_ct-text));
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 8px;
    background: var(--ct-surface, var(--_ct-surface));
    box-shadow: var(--ct-elevation-overlay, var(--_ct-elevation-overlay));
  }
  .fb-panel:popover-open {
    display: flex;
  }
  .fb-panel-end {
    position-area: block-end span-inline-start;
  }
  [part~='people'] {
    anchor-name: --ct-people;
  }
  [part~='people-panel'] {
    position-anchor: --ct-people;
  }
  [part~='actions'] {
    anchor-name: --ct-actions;
  }
  [part~='actions-menu'],
  [part~='jump-panel'] {
    position-anchor: --ct-actions;
  }
  [part~='kinds'] {
    anchor-name: --ct-kinds;
  }
  [part~='kinds-panel'] {
    position-anchor: --ct-kinds;
  }
  [part~='categories-button'] {
    display: none;
    anchor-name: --ct-categories;
  }
  [part~='categories'] {
    position-anchor: --ct-categories;
  }
  .fb-item {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 6px;
    font: inherit;
    color: inherit;
    text-align: start;
    border: 0;
    border-radius: 4px;
    background: none;
    cursor: pointer;
  }
  .fb-item svg {
    inline-size: 16px;
    block-size: 16px;
  }
  /* An event's destructive actions (Delete): in the failed colour, under a line when other items come first. */
  .row-menu .danger {
    color: var(--ct-failed, var(--_ct-failed));
  }
  .row-menu :not(.danger) + .danger {
    margin-block-start: 4px;
    border-block-start: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 0;
  }
  .fb-dates label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--ct-muted, var(--_ct-muted));
  }
  /* Wide enough: the categories are a strip that wraps, none hidden. */
  .fb-cats:not(:popover-open) {
    display: flex;
    flex-flow: row wrap;
    position: static;
    inset: auto;
    min-inline-size: 0;
    max-inline-size: none;
    max-block-size: none;
    overflow: visible;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    box-shadow: none;
  }
  .fb-cats {
    flex-flow: row wrap;
    align-items: center;
    gap: 4px;
  }
  /* Narrow: the search has its own line; the categories fold behind "Categories: 3 of 11". */
  @container timeline (inline-size < 36rem) {
    .fb-search {
      flex-basis: 100%;
    }
    .fb-cats:not(:popover-open) {
      display: none;
    }
    [part~='categories-button'] {
      display: inline-flex;
    }
  }
  .fb-cat {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding-block: 1px;
    padding-inline: 4px 8px;
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
    max-inline-size: 100%;
    padding-block: 0;
    padding-inline: 8px 2px;
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
`;
