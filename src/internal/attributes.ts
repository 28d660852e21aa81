/** Attribute converters of the element's properties. */
import { parseList } from '../data/filter.js';

/** Comma-list attributes (`types="email,call"`); no attribute is `null`. */
export const listAttribute = {
  fromAttribute: (value: string | null) => parseList(value),
  toAttribute: (value: readonly string[] | null) => (Array.isArray(value) ? value.join(',') : null),
};

/** Same, for lists where "none given" is the empty list. */
export const optionalListAttribute = {
  fromAttribute: (value: string | null) => parseList(value) ?? [],
  toAttribute: (value: readonly string[] | null) => (Array.isArray(value) && value.length ? value.join(',') : null),
};

/** Text attributes that disappear when empty. */
export const optionalText = {
  fromAttribute: (value: string | null) => value ?? '',
  toAttribute: (value: string | null) => (value ? value : null),
};
