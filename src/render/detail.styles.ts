import { css } from 'lit';

/**
 * What an expanded row's detail holds: full title, facts, bodies (text and sanitized HTML,
 * with the blocked-images note), field changes, attachments, quoted text, folded updates.
 * In the detail's chunk, adopted with it; the detail's box (`.detail`, also drawn while the
 * chunk loads) is styled with the rows.
 */
export const detailStyles = css`
  .detail-title {
    margin-block: 4px 0;
    max-block-size: 12em;
    overflow: auto;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
    font-weight: 600;
  }

  .detail-summary {
    margin-block: 4px 0;
    overflow-wrap: anywhere;
  }
  /* An expanded event with nothing more to say: one quiet line, no box. */
  .detail-none {
    margin-block: 6px 0;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin-block: 0 6px;
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
  /* The rest of a long text, a block per step (see LongText in detail.ts). */
  .more {
    display: block;
  }
  .retry.show-all {
    margin: 4px 6px;
    font-weight: 400;
  }
  .body {
    margin: 6px 0;
  }
  .body-html img {
    max-inline-size: 100%;
  }
  .changes {
    border-collapse: collapse;
    margin: 6px 0;
    max-inline-size: 100%;
  }
  /* Field names break between words only ("Email/s" stays whole); values (long addresses, links) may break inside
     a word as a last resort, so that the table fits a narrow element. */
  .changes th,
  .changes td {
    vertical-align: baseline;
    word-break: normal;
    overflow-wrap: break-word;
  }
  .changes caption {
    text-align: start;
    color: var(--ct-muted, var(--_ct-muted));
  }
  .changes th {
    text-align: start;
    font-weight: 600;
    padding-inline-end: 12px;
  }
  .changes td {
    padding: 0 4px;
    overflow-wrap: anywhere;
  }
  .changes del {
    color: var(--ct-muted, var(--_ct-muted));
  }
  .changes ins {
    text-decoration: none;
    font-weight: 600;
  }
  a {
    color: var(--ct-accent, var(--_ct-accent));
  }
  audio,
  .play-recording {
    display: block;
    margin-block-start: 6px;
    max-inline-size: 100%;
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

  .quoted summary {
    cursor: pointer;
    color: var(--ct-accent, var(--_ct-accent));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .quoted .body {
    color: var(--ct-muted, var(--_ct-muted));
  }
  .attachments ul {
    margin: 4px 0;
    padding-inline-start: 0;
  }
  .attachments li {
    display: flex;
    align-items: center;
    gap: 6px;
    list-style: none;
  }
  .file-icon svg {
    inline-size: 14px;
    block-size: 14px;
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
    margin-block-start: 6px;
  }
  .open svg {
    inline-size: 14px;
    block-size: 14px;
  }
  .folded {
    margin: 0;
    padding-inline-start: 18px;
  }
  .folded li + li {
    margin-block-start: 6px;
  }
  .folded time {
    margin-inline-start: 8px;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
`;
