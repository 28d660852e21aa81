import { css } from 'lit';

/**
 * What only the filter bar's panels hold: the People and Kinds checkboxes and the jump-to-date form. Adopted with
 * the panels' chunk, in its place in the cascade: right after the filter bar's styles.
 */
export const panelStyles = css`
  .fb-kind-group {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .fb-kind-group + .fb-kind-group {
    margin-block-start: 4px;
  }
  .fb-check {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 6px;
    border-radius: 4px;
    cursor: pointer;
  }
  .fb-jump {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 6px;
    padding: 4px 6px;
  }
  .fb-jump label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    color: var(--ct-muted, var(--_ct-muted));
  }
`;
