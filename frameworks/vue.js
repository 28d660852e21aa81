// `client-timeline/vue` holds types only (frameworks/vue.d.ts); importing it at run time loads nothing.
export {};
