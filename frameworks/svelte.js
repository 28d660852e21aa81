// `client-timeline/svelte` holds types only (frameworks/svelte.d.ts); importing it at run time loads nothing.
export {};
