import { css } from 'lit';

/**
 * Forced colours (Windows High Contrast and the like), last in the cascade. The browser replaces colours with
 * the viewer's system colours and drops box shadows; translucent fills (`color-mix`) fade into the canvas. What
 * the element draws only with those gets a border, an outline or a system-colour fill here (checked by
 * test/forced-colors.test.ts).
 */
export const forcedColorStyles = css`
  @media (forced-colors: active) {
    /* Search matches: their ring is a box-shadow. */
    mark.match {
      color: MarkText;
      background-color: Mark;
      outline: 2px solid CanvasText;
    }

    /* Focus rings in the system's highlight, apart from the borders (CanvasText). */
    .scroller:focus-visible,
    .row:focus-visible,
    .toggle:focus-visible,
    .detail:focus-visible,
    .detail-title:focus-visible,
    button:focus-visible,
    a:focus-visible,
    .fb-cat:has(:focus-visible) {
      outline-color: Highlight;
    }

    /* Shapes that were fills: chips, badges, icon circles, initials, the detail box. */
    .status,
    .badge,
    .tone-label,
    .icon,
    .avatar.initials,
    .detail {
      border: 1px solid CanvasText;
    }

    /* Placeholder bars and circles while loading. */
    .lines span,
    .skeleton-row .icon,
    .loader .icon {
      border-color: GrayText;
      background-color: GrayText;
    }

    /* The new-events pill: an accent fill with a shadow, over the list. */
    .new-events {
      color: ButtonText;
      background-color: ButtonFace;
      border: 2px solid ButtonText;
    }

    /* Checked categories, hovered buttons and menu items: the system's selection colours. */
    .fb-cat:has(input:checked),
    .fb-button:hover,
    .fb-small:hover,
    .fb-item:hover,
    .retry:hover {
      color: HighlightText;
      background-color: Highlight;
      border-color: Highlight;
    }
  }
`;
