/**
 * What the list area shows, derived once per update from the source, the pager and the filter: exactly one of these
 * is on screen, so two state messages can never overlap.
 */
export type ListView =
  /** No client, or no data source: nothing to load. */
  | 'no-client'
  /** The first page (of this client and filter) is on its way: skeleton rows. */
  | 'loading'
  /** The first page failed and nothing is shown: the error with Retry. */
  | 'error'
  /** The whole history is loaded and holds no event. */
  | 'empty'
  /** Events were looked at and none matches the filter: say so, offer to clear it. */
  | 'no-matches'
  /** Rows (or, while a search pages on, the list's own loading row). */
  | 'list';

export interface ViewInputs {
  /** A client id and a data source are set. */
  hasSource: boolean;
  /** Rows the list shows (after filtering). */
  rows: number;
  /** Events loaded (before filtering). */
  loaded: number;
  /** The first page arrived, or cached events are shown. */
  started: boolean;
  /** The whole history (under the filter sent to the source) is loaded. */
  done: boolean;
  /** The last page failed. */
  failed: boolean;
  /** Some filter is set. */
  filterActive: boolean;
  /** Older pages are still being searched for matches (a filter the element applies itself, not stopped). */
  searching: boolean;
}

export function listView(v: ViewInputs): ListView {
  if (!v.hasSource) return 'no-client';
  if (v.rows > 0) return 'list';
  if (v.failed && v.loaded === 0) return 'error';
  if (!v.started) return 'loading';
  if (v.filterActive) {
    if (v.searching && !v.failed) return 'list';
    return v.loaded === 0 && !v.done && !v.failed ? 'loading' : 'no-matches';
  }
  if (v.loaded === 0) return v.done ? 'empty' : 'loading';
  return 'list';
}
