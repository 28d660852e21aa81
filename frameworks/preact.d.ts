// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`): edit the JSDoc in src/,
// not this file. `npm test` fails when it is out of date.
//
// <client-timeline> in Preact's JSX: `import type {} from 'client-timeline/preact'`.
// It augments Preact's types only (no runtime import of Preact); Preact 10.28 or later, or 11.
import type { HTMLAttributes } from 'preact';
import type { ClientTimeline, ClientTimelineJsxProps } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

/** `<client-timeline>`'s props in Preact: its HTML attributes, then the element's own. */
export type ClientTimelinePreactProps = HTMLAttributes<ClientTimeline> & ClientTimelineJsxProps;

// Preact 11 reads its JSX types from the 'preact' module,
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'client-timeline': ClientTimelinePreactProps;
    }
  }
}

// Preact 10 from the global `preact.JSX` namespace.
declare global {
  namespace preact.JSX {
    interface IntrinsicElements {
      'client-timeline': ClientTimelinePreactProps;
    }
  }
}
