// React 19: each line after a ✗ comment must be reported by tsc, and no other line.
import 'client-timeline';
import type {} from 'client-timeline/react';

// ✗ adapter is an object with fetchPage(), not a number
export const badAdapter = <client-timeline adapter={42} />;
// ✗ clientId is a string
export const badClientId = <client-timeline clientId={{}} />;
// ✗ client-id is text
export const badClientIdAttribute = <client-timeline client-id={{}} />;
// ✗ timeline-page's detail is TimelinePageDetail
export const badDetail = <client-timeline ontimeline-page={(e: CustomEvent<{ nope: true }>) => e.detail.nope} />;
// ✗ no such property
export const unknownProperty = <client-timeline clientIdentifier="karina" />;
// ✗ types is set as the property by React 19: a list, not comma text
export const listAsText = <client-timeline types="email,call" />;
// ✗ theme is 'light' or 'dark'
export const badTheme = <client-timeline theme="blue" />;
