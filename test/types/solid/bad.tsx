// Solid: each line after a ✗ comment must be reported by tsc, and no other line.
import 'client-timeline';

// ✗ adapter is an object with fetchPage(), not a number
export const badAdapter = <client-timeline adapter={42} />;
// ✗ clientId is a string
export const badClientId = <client-timeline clientId={{}} />;
// ✗ Solid sets client-id as the property clientId: a string
export const badClientIdAttribute = <client-timeline client-id={{}} />;
// ✗ timeline-page's detail is TimelinePageDetail
export const badDetail = <client-timeline on:timeline-page={(e: CustomEvent<{ nope: true }>) => e.detail.nope} />;
// ✗ no such property
export const unknownProperty = <client-timeline clientIdentifier="karina" />;
// ✗ prop:types is the property: a list
export const listAsText = <client-timeline prop:types="email,call" />;
// ✗ attr:page-size is text or a number
export const badAttribute = <client-timeline attr:page-size={{}} />;
