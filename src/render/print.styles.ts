import { css } from 'lit';

/**
 * Print: the list, filter bar and status bars give way to a plain list of the
 * loaded, filtered events (`.print-list`), rendered when printing starts.
 */
export const printStyles = css`
  .print-list {
    display: none;
  }
  @media print {
    :host {
      block-size: auto !important;
      contain: none;
      overflow: visible;
      border: 0;
    }
    .box {
      block-size: auto;
      display: block;
    }
    .fb-row,
    .fb-cats,
    .fb-chips,
    .list-area,
    .records,
    slot[name='composer'],
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
      border-block-end: 1px solid #ccc;
    }
    .print-list p {
      margin-block: 2px 0;
    }
    .print-title {
      font-weight: 600;
    }
    .print-meta,
    .print-filters {
      color: #444;
      font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
    }
  }
`;
