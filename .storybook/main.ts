import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for designers: every state of <client-timeline>, with deterministic data.
 * `npm run storybook` (dev server, port 6006) / `npm run build-storybook` (storybook-static/).
 * Works offline: no telemetry, no update checks, no crash reports.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages from the custom-elements manifest (autodocs), and axe in the Accessibility panel.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    // Our own small vite config: the project's vite.config.ts builds the library bundle.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
};

export default config;
