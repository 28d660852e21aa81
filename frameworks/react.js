// `client-timeline/react` holds types only (frameworks/react.d.ts); importing it at run time loads nothing.
export {};
