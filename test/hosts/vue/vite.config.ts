// Vue 3 host: <client-timeline> is a custom element to Vue's template compiler (not resolved as a component);
// built as a static site with relative asset URLs, so it can be served from any sub-path.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('client-timeline') } } })],
});
