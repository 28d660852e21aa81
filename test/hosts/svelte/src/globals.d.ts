// Svelte 5 host: the installed svelte's version, written in by vite.config.ts (`define`).
declare const __SVELTE_VERSION__: string;
