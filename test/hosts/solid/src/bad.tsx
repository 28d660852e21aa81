// Solid host: what tsc must reject. The line after each ✗ comment must be reported, and no other line.
import 'client-timeline';
import type {} from 'client-timeline/solid';

// ✗ adapter is an object with fetchPage(), not a number
export const badAdapter = <client-timeline prop:adapter={42} />;
// ✗ clientId is a string
export const badClientId = <client-timeline prop:clientId={{ id: 'karina' }} />;
// ✗ Solid sets client-id as the property clientId: a string
export const badClientIdAttribute = <client-timeline client-id={{ id: 'karina' }} />;
// ✗ timeline-page's detail is TimelinePageDetail
export const badDetail = <client-timeline on:timeline-page={(e: CustomEvent<{ nope: true }>) => e.detail.nope} />;
// ✗ no such property
export const unknownProperty = <client-timeline clientIdentifier="karina" />;
// ✗ no such property, written as a property
export const unknownProp = <client-timeline prop:clientIdentifier="karina" />;

// Not checkable: TypeScript accepts any JSX attribute whose name has a dash (`data-*`, `aria-*`), so an unknown
// dashed attribute passes on every element, this one included.
export const unknownDashedAttribute = <client-timeline client-identifier="karina" />;
