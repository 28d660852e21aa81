/**
 * What the signed-in user's role may see, as the host says (`permissions`). The element is the second wall behind
 * the server's: an event the role may not see is dropped where pages, pushes and cached events come in, so it is
 * never rendered, counted, searched, exported, printed, announced or written to the cache.
 */
import type { TimelineItem } from '../model/event.js';
import { categoryKeyOf } from './filter.js';

export interface TimelinePermissions {
  /** Filter categories the role may see (`email`, `call`, `billing`…); all when not given. */
  categories?: readonly string[];
  /** Event types the role may see (`invoice.issued`…); all when not given. */
  types?: readonly string[];
  /** Record types the role may see (`invoice`, `booking`…); events about another kind of record are hidden. */
  recordTypes?: readonly string[];
  /** `false`: internal and private events (staff notes) are hidden. */
  internal?: boolean;
}

export type Gate = (item: TimelineItem) => boolean;

const list = (value: unknown): Set<string> | null => (Array.isArray(value) ? new Set(value.filter((v): v is string => typeof v === 'string')) : null);

/** The test an event must pass, or `null` when everything is permitted. A malformed value permits nothing of its kind. */
export function permissionGate(permissions: TimelinePermissions | null | undefined): Gate | null {
  if (!permissions || typeof permissions !== 'object') return null;
  const categories = permissions.categories === undefined ? null : (list(permissions.categories) ?? new Set<string>());
  const types = permissions.types === undefined ? null : (list(permissions.types) ?? new Set<string>());
  const recordTypes = permissions.recordTypes === undefined ? null : (list(permissions.recordTypes) ?? new Set<string>());
  const internal = permissions.internal !== false;
  if (!categories && !types && !recordTypes && internal) return null;
  return (item) =>
    (!categories || categories.has(categoryKeyOf(item.type))) &&
    (!types || types.has(item.type)) &&
    (!recordTypes || !item.record?.type || recordTypes.has(item.record.type)) &&
    (internal || (item.visibility !== 'internal' && item.visibility !== 'private'));
}

/** Whether a category may be shown at all (the filter bar offers only these). */
export function permitsCategory(permissions: TimelinePermissions | null | undefined, category: string): boolean {
  const categories = permissions?.categories === undefined ? null : list(permissions.categories);
  return !permissions?.categories || !!categories?.has(category);
}

/** A key that changes whenever what is permitted does. */
export function permissionsKey(permissions: TimelinePermissions | null | undefined): string {
  if (!permissions || typeof permissions !== 'object') return '';
  const sorted = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : v);
  return JSON.stringify([sorted(permissions.categories), sorted(permissions.types), sorted(permissions.recordTypes), permissions.internal ?? null]);
}

/**
 * Counts a server sent per category, kept only where they cannot tell about hidden events: a role limited by type,
 * record type or internal events gets none (they are counted over what is loaded instead); one limited by category
 * keeps its categories' counts.
 */
export function permittedCounts(counts: Record<string, number> | null, permissions: TimelinePermissions | null | undefined): Record<string, number> | null {
  if (!counts || !permissions || !permissionGate(permissions)) return counts;
  if (permissions.types !== undefined || permissions.recordTypes !== undefined || permissions.internal === false) return null;
  return Object.fromEntries(Object.entries(counts).filter(([category]) => permitsCategory(permissions, category)));
}
