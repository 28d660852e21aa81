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
  .fb-search {
    flex: 1 1 160px;
    position: relative;
    display: flex;
    align-items: center;
  }
  .fb-search-icon {
    position: absolute;
    inset-inline-start: 8px;
    display: inline-flex;
    color: var(--ct-muted, var(--_ct-muted));
    pointer-events: none;
  }
  .fb-search-icon svg,
  .fb-button svg,
  .fb-chip svg {
    inline-size: 14px;
    block-size: 14px;
  }
  .fb-select,
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
  /* Room on the start side for the magnifier icon. */
  .fb-search input {
    font: inherit;
    color: inherit;
    inline-size: 100%;
    min-block-size: 28px;
    padding-block: 2px;
    padding-inline: 28px 8px;
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
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 4;
    min-inline-size: 200px;
    max-block-size: 260px;
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
    inset-inline: auto 0;
  }
  .fb-check {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 6px;
    border-radius: 4px;
    cursor: pointer;
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
  .fb-jump {
    display: flex;
    align-items: end;
    gap: 6px;
    padding-block: 4px 8px;
    padding-inline: 6px;
    border-block-end: 1px solid var(--ct-border, var(--_ct-border));
    margin-block-end: 4px;
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
    padding-block-end: 2px;
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
