// Solid host: the installed solid-js's version, written in by vite.config.ts (`define`).
declare const __SOLID_VERSION__: string;
