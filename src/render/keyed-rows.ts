/**
 * A keyed list of rows, like `repeat` from `lit/directives/repeat.js`, that removes a row with both of its markers
 * on every lit-html release.
 *
 * lit-html 3.3.1–3.3.3 (lit/lit#5298): `removePart()`, which `repeat` calls for every row that leaves, takes out
 * the row's content and start marker but leaves its end marker, an empty comment, in the list. The virtualizer
 * drops rows at one edge and adds them at the other as it scrolls, so a long scroll filled the list with thousands
 * of them and every DOM operation on it slowed down. Here a row leaves through `clearPart()` (its content, and the
 * disconnection of the directives inside it) and then its two markers, which the row owns: the path that leaks is
 * never taken, whatever lit-html the host resolves.
 *
 * Rows are matched by key, so a row that stays keeps its DOM (focus, scroll anchoring, the virtualizer's
 * measurements), and moved only when it is out of place: walking the new list from its end, each row goes right
 * before the one after it, which is a no-op for a row already there (the common cases, rows added or dropped at
 * either edge, move none).
 */
import { noChange } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { clearPart, getCommittedValue, insertPart, setChildPartValue, setCommittedValue } from 'lit/directive-helpers.js';

export type RowKey<T> = (item: T, index: number) => unknown;
export type RowTemplate<T> = (item: T, index: number) => unknown;

/** Takes a row out: its content (directives inside it are told they are disconnected), then both its markers. */
function removeRow(part: ChildPart): void {
  const { startNode, endNode } = part as { startNode: ChildNode | null; endNode: ChildNode | null };
  clearPart(part);
  endNode?.remove();
  startNode?.remove();
}

class KeyedRowsDirective extends Directive {
  /** The keys of the rows in the DOM, in order; none before the first update. */
  private keys: unknown[] | undefined;

  /** Without a DOM (server rendering): the rows' values in order. A child expression only (as `virtualize()`). */
  render<T>(items: readonly T[], _key: RowKey<T>, template: RowTemplate<T>): unknown[] {
    return items.map((item, i) => template(item, i));
  }

  override update<T>(container: ChildPart, [items, key, template]: Parameters<this['render']> & [readonly T[], RowKey<T>, RowTemplate<T>]): unknown {
    const keys = items.map((item, i) => key(item, i));
    const values = items.map((item, i) => template(item, i));
    const oldKeys = this.keys;
    this.keys = keys;
    // The first time, Lit renders the values as an iterable: a part per row (two markers each), in the
    // container's committed value, replacing whatever the container held before.
    if (!oldKeys) return values;
    const old = getCommittedValue(container) as ChildPart[];

    const byKey = new Map<unknown, ChildPart>();
    const leaving: ChildPart[] = [];
    old.forEach((part, i) => {
      if (byKey.has(oldKeys[i])) leaving.push(part);
      else byKey.set(oldKeys[i], part);
    });
    const parts: (ChildPart | undefined)[] = keys.map((k) => {
      const part = byKey.get(k);
      // A key given twice: the first row keeps the part, the others get new ones.
      if (part) byKey.delete(k);
      return part;
    });
    for (const part of byKey.values()) leaving.push(part);
    for (const part of leaving) removeRow(part);

    let next: ChildPart | undefined;
    for (let i = items.length - 1; i >= 0; i--) {
      // A new part (markers inserted before `next`), or a kept one moved before `next` if it is not right there.
      const part = insertPart(container, next, parts[i]);
      setChildPartValue(part, values[i]);
      parts[i] = part;
      next = part;
    }
    setCommittedValue(container, parts);
    return noChange;
  }
}

/** `keyedRows(items, key, template)`: the rows of `items` in order, one per key (see the module's comment). */
export const keyedRows = directive(KeyedRowsDirective) as <T>(
  items: readonly T[],
  key: RowKey<T>,
  template: RowTemplate<T>,
) => ReturnType<typeof directive<typeof KeyedRowsDirective>>;
