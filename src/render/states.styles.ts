import { css } from 'lit';

/**
 * States around the list: status bars (older page failed, cache notice), the empty,
 * error and no-matches states, loading skeletons, the screen-reader announcer,
 * the new-events pill and the search status bar.
 */
export const stateStyles = css`
  .status-bar {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 6px 14px;
    border-block-start: 1px solid var(--ct-border, var(--_ct-border));
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

  /* The list's last row: "Beginning of history". */
  .end {
    inline-size: 100%;
    padding: var(--ct-row-padding, var(--_ct-row-padding));
    padding-block: 14px;
    text-align: center;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }

  /* The rows before or after the window of rows, drawn as faint bars of a row's title and time, one per 80 px. */
  .spacer {
    --_bar: var(--ct-skeleton, var(--_ct-skeleton));

    inline-size: 100%;
    background-image:
      linear-gradient(transparent 20px, var(--_bar) 20px 32px, transparent 32px),
      linear-gradient(transparent 42px, var(--_bar) 42px 52px, transparent 52px);
    background-repeat: repeat-y;
    background-size:
      min(45%, 24rem) 80px,
      min(25%, 12rem) 80px;
    background-position: 64px 0;
  }

  /* Events not loaded yet between two stretches of history (after a jump): loads when seen. */
  .gap {
    display: flex;
    align-items: flex-start;
    justify-content: center;
    inline-size: 100%;
    min-block-size: 7rem;
    padding: var(--ct-row-padding, var(--_ct-row-padding));
    border-block: 1px dashed var(--ct-border, var(--_ct-border));
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
    text-align: center;
  }
  .gap-text {
    padding-block: 2.5rem;
  }

  .skeleton-row,
  .loader {
    display: flex;
    gap: 12px;
    inline-size: 100%;
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
    padding-block-start: 4px;
  }
  .lines span {
    block-size: 10px;
    border-radius: 4px;
    background: var(--ct-skeleton, var(--_ct-skeleton));
    inline-size: 70%;
  }
  .lines span + span {
    inline-size: 40%;
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

  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .new-events {
    position: absolute;
    inset-block-start: 8px;
    /* Centred over the list: a 50% offset and a -50% translate, both physical, so that it stays centred in
       right-to-left text too (an inline-start offset would flip sides while the translate would not). */
    /* stylelint-disable-next-line csstools/use-logical -- centring, the same in both directions */
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

  .new-events svg {
    inline-size: 14px;
    block-size: 14px;
  }

  .search-status {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 0;
    z-index: 2;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 10px;
    padding: 6px 14px;
    border-block-start: 1px solid var(--ct-border, var(--_ct-border));
    background: var(--ct-surface, var(--_ct-surface));
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  /* The technical message of an error, folded: people read the words above it. */
  .error-details {
    max-inline-size: 100%;
    color: var(--ct-muted, var(--_ct-muted));
    font-size: var(--ct-font-size-small, var(--_ct-font-size-small));
  }
  .error-details summary {
    cursor: pointer;
  }
  .error-details code {
    display: block;
    margin-block-start: 4px;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .status-bar .error-details {
    display: inline-block;
    margin-inline-start: 6px;
  }
`;
