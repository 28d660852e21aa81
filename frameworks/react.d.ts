// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`): edit the JSDoc in src/,
// not this file. `npm test` fails when it is out of date.
//
// <client-timeline> in React 19's JSX: `import type {} from 'client-timeline/react'` (or 'client-timeline/jsx').
// It augments React's types only (no runtime import of React); the app provides @types/react 19.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ClientTimeline, ClientTimelineJsxProps } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

/** `<client-timeline>`'s props in React: its HTML attributes, then the element's own. */
export type ClientTimelineReactProps = DetailedHTMLProps<HTMLAttributes<ClientTimeline>, ClientTimeline> & ClientTimelineJsxProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'client-timeline': ClientTimelineReactProps;
    }
  }
}
