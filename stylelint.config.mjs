/**
 * Stylelint over the element's CSS: the `css` literals of `src/**` (read through postcss-lit) and the example
 * themes. `npm run lint:css`.
 *
 * Logical properties (csstools/use-logical, from stylelint-use-logical): rows hold right-to-left text, so sizes,
 * offsets, margins, paddings and borders are written start/end and block/inline. No property is excepted here;
 * the one physical declaration left is disabled in place with its reason (`.new-events` centring:
 * `left: 50%` with `translateX(-50%)` is the same in both directions). What the rule cannot see, and is physical
 * on purpose: the public `--ct-row-border-width` token is a `border-width` value (top right bottom left) as
 * documented; `.fb-cats` scrolls with `overflow-x`, as Chromium and WebKit have no `overflow-inline`; the
 * screen-reader-only `clip: rect(0 0 0 0)` is the same on every side.
 *
 * @type {import('stylelint').Config}
 */
export default {
  plugins: ['stylelint-use-logical'],
  reportNeedlessDisables: true,
  reportInvalidScopeDisables: true,
  reportDescriptionlessDisables: true,
  rules: {
    'no-duplicate-selectors': true,
    'declaration-block-no-duplicate-properties': true,
    'block-no-empty': true,
    'color-no-invalid-hex': true,
    'property-no-unknown': true,
    'csstools/use-logical': ['always', { except: [] }],
  },
  overrides: [
    {
      files: ['src/**/*.ts'],
      customSyntax: 'postcss-lit',
    },
  ],
};
