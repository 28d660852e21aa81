// <client-timeline> in Preact's JSX: `import type {} from 'client-timeline/preact'`.
// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`): edit the JSDoc in src/,
// not this file. `npm test` fails when it is out of date.
// It augments Preact's types only (no runtime import of Preact).
import type { ClientTimeline, ClientTimelineJsxProps } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'client-timeline': HTMLAttributes<ClientTimeline> & ClientTimelineJsxProps;
    }
  }
}
