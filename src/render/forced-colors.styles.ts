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
    :host :focus-visible,
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

    /* Checked categories: a thicker border in the selection colour. Not a fill: the backplate the browser draws
       behind text in forced colours (Canvas) would cover it under the name. The padding gives back the extra
       pixel: the same size as unchecked. */
    .fb-cat:has(input:checked) {
      padding-block: 0;
      padding-inline: 3px 7px;
      border: 2px solid Highlight;
    }

    /* Hovered buttons and menu items in the selection colours, painted as they are (no text backplate). */
    .fb-button:hover,
    .fb-small:hover,
    .fb-item:hover,
    .retry:hover {
      forced-color-adjust: none;
      color: HighlightText;
      background-color: Highlight;
      border-color: Highlight;
    }
  }
`;
