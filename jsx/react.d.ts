// `import type {} from 'client-timeline/jsx'`: <client-timeline> in React 19's JSX.
// It augments React's types only (no runtime import of React); your app provides @types/react.
import type { ClientTimeline, ClientTimelineJsxProps } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'client-timeline': DetailedHTMLProps<HTMLAttributes<ClientTimeline>, ClientTimeline> & ClientTimelineJsxProps;
    }
  }
}
