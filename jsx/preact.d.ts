// `import type {} from 'client-timeline/jsx/preact'`: <client-timeline> in Preact's JSX.
// It augments Preact's global `preact.JSX` types only (no runtime import of Preact).
import type { ClientTimeline, ClientTimelineJsxProps } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

declare global {
  namespace preact.JSX {
    interface IntrinsicElements {
      'client-timeline': HTMLAttributes<ClientTimeline> & ClientTimelineJsxProps;
    }
  }
}
