import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { preventResizeObserverLoopErrorEventDefaults } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import manifest from '../custom-elements.json';
import { defineClientTimeline } from '../src/index.js';

// Called, not just imported: the package declares src/ free of side effects, so a bare import is dropped.
defineClientTimeline();

// Controls and the props table come from the manifest generated from the element's JSDoc.
setCustomElementsManifest(manifest);

// The virtualizer's ResizeObserver loop notice is benign (its own tests ignore it too).
preventResizeObserverLoopErrorEventDefaults();

const preview: Preview = {
  // A docs page per stories file, with the manifest's attributes, properties, events, CSS variables and parts.
  tags: ['autodocs'],
  parameters: {
    // axe on every story in the Accessibility panel; violations fail the story (test-storybook checks them too).
    a11y: { test: 'error' },
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: {
      options: {
        mobile320: { name: 'Narrow mobile (320px)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        tablet: { name: 'Tablet (768px)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
  },
};

export default preview;
