/**
 * `virtualize()` from `@lit-labs/virtualizer`, with its rows rendered by `keyedRows()` instead of `repeat()`.
 *
 * Everything else is the virtualizer's own directive, unchanged: the `Virtualizer` it makes for the host (layout,
 * measuring rows, anchoring, `rangeChanged`), and when it renders. Only the rows' rendering differs, so that a row
 * the range leaves is removed with both of its markers on any lit-html (lit/lit#5298, see `keyed-rows.ts`).
 */
import { virtualize as litVirtualize, type VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';
import { directive, type DirectiveResult } from 'lit/directive.js';
import { getDirectiveClass } from 'lit/directive-helpers.js';
import { keyedRows } from './keyed-rows.js';

type VirtualizeDirectiveClass = ReturnType<typeof litVirtualize> extends DirectiveResult<infer C> ? C : never;

/** The virtualizer's directive class, as its directive function names it (the package exports the function only). */
const VirtualizeDirective = getDirectiveClass(litVirtualize()) as VirtualizeDirectiveClass;

class VirtualRowsDirective extends VirtualizeDirective {
  /** The rows of the current range, `_first` to `_last` (an index past the items renders `undefined`, as upstream). */
  override render(): unknown {
    const range: unknown[] = [];
    if (this._first >= 0 && this._last >= this._first) {
      for (let i = this._first; i <= this._last; i++) range.push(this._items[i]);
    }
    return keyedRows(range, this._keyFunction, this._renderItem);
  }
}

/** Same configuration as `virtualize()` from `@lit-labs/virtualizer/virtualize.js`. */
export const virtualize = directive(VirtualRowsDirective) as <T>(config?: VirtualizeDirectiveConfig<T>) => DirectiveResult<typeof VirtualRowsDirective>;
