// `client-timeline/preact` holds types only (frameworks/preact.d.ts); importing it at run time loads nothing.
export {};
