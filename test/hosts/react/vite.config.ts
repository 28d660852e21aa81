// React 19 host: built as a static site with relative asset URLs, so it can be served from any sub-path.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
});
