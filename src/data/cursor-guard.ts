import { TimelineFetchError } from './adapter.js';

/**
 * Paging's loop guard: a source whose next cursor does not move, or comes back, would be asked for the same pages
 * for ever. Used by paging and by export alike.
 */
export class CursorGuard {
  private readonly seen = new Set<string>();

  /** Records that `cursor` was answered with `next`; `true` when `next` loops. */
  loops(cursor: string | null, next: string | null): boolean {
    const loop = next !== null && (next === cursor || this.seen.has(next));
    if (cursor !== null) this.seen.add(cursor);
    return loop;
  }
}

/** The error a looping source ends paging with. */
export const loopError = (cursor: string | null, next: string | null): TimelineFetchError =>
  new TimelineFetchError(
    `The data source answered the cursor "${String(next).slice(0, 80)}" again after "${String(cursor).slice(0, 80)}": paging stopped so it does not loop forever`,
  );
