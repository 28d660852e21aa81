// `client-timeline/solid` holds types only (frameworks/solid.d.ts); importing it at run time loads nothing.
export {};
