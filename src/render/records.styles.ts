import { css } from 'lit';

/**
 * The status summary (a bar per record kind, a button per status) and the to-do section above the list: in their
 * chunk, adopted with it. Their box (`.records`) is styled with the element's layout.
 */
export const recordsStyles = css`
  .status-summary {
    flex: none;
    padding-block: 6px;
    padding-inline: 10px;
    border-block-end: 1px solid var(--ct-border, var(--_ct-border));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .status-summary > summary {
    cursor: pointer;
    color: var(--ct-muted, var(--_ct-muted));
    font-weight: 600;
  }
  .ss-kinds,
  .ss-statuses {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .ss-kind {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) 1fr;
    align-items: center;
    gap: 4px 10px;
    margin-block-start: 6px;
  }
  .ss-count {
    color: var(--ct-muted, var(--_ct-muted));
    font-variant-numeric: tabular-nums;
  }
  .ss-bar {
    display: flex;
    gap: 2px;
    block-size: 6px;
    border-radius: 3px;
    overflow: hidden;
  }
  .ss-seg {
    min-inline-size: 4px;
    background: var(--_ct-chip);
  }
  .ss-statuses {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .ss-status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    font: inherit;
    color: inherit;
    border: 1px solid var(--ct-border, var(--_ct-border));
    border-radius: 999px;
    background: none;
    cursor: pointer;
  }
  .ss-status[aria-pressed='true'] {
    border-color: var(--ct-accent, var(--_ct-accent));
    background: var(--ct-hover, var(--_ct-hover));
  }
  .ss-dot {
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    background: var(--_ct-chip);
  }
  .todo {
    flex: none;
    padding-block: 6px;
    padding-inline: 10px;
    border-block-end: 1px solid var(--ct-border, var(--_ct-border));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .todo > summary {
    cursor: pointer;
    font-weight: 600;
  }
  .todo-list {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    max-block-size: 14rem;
    overflow: auto;
  }
  /* A menu item's button (.fb-item), its title and date on a line that wraps. */
  .todo-item {
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 2px 10px;
    inline-size: 100%;
  }
  .todo-title {
    min-inline-size: 8ch;
    overflow-wrap: anywhere;
  }
  .todo-when {
    color: var(--ct-muted, var(--_ct-muted));
  }
  .todo-item.overdue .todo-when {
    color: var(--ct-failed, var(--_ct-failed));
  }
  @media (forced-colors: active) {
    .ss-seg,
    .ss-dot {
      background: CanvasText;
    }
    .ss-status[aria-pressed='true'] {
      border-color: Highlight;
    }
  }
`;
