/**
 * Which rows are open. An event row is keyed by its event id; a row of folded updates ("3 field changes") by its
 * group key, `group:<id of its newest event>`, which is never an event id. "Expand all" is a mode, not a list: every
 * row is open in it, those that arrive or fold later included, except the ones the user closes again.
 * Also which events may load the remote images of their HTML body (the user pressed "Show images").
 */
import type { ReactiveControllerHost } from 'lit';
import type { Row } from '../data/rows.js';
import { emit } from '../events.js';

export class ExpansionController {
  /** Every row is open, but `except`. */
  private all = false;
  /** Rows opened (or, in "expand all", closed) by the user, by expansion key. */
  private except = new Set<string>();
  private images = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {}

  isExpanded(key: string): boolean {
    return this.all !== this.except.has(key);
  }

  /** Opens or closes a row as the user did: fires `timeline-toggle` with the event id (and the row key). */
  toggle(row: Row): void {
    // A row's key is its event id, or its group key (`group:<id>`) for folded rows.
    const key = row.key;
    const expanded = !this.isExpanded(key);
    if (this.except.has(key)) this.except.delete(key);
    else this.except.add(key);
    this.host.requestUpdate();
    emit(this.host, 'timeline-toggle', { id: row.item.id, key, expanded });
  }

  /** Opens every row, and every row that comes later, until `collapseAll()`. */
  expandAll(): void {
    this.all = true;
    this.except = new Set();
    this.host.requestUpdate();
  }

  collapseAll(): void {
    this.all = false;
    this.except = new Set();
    this.host.requestUpdate();
  }

  imagesShown(id: string): boolean {
    return this.images.has(id);
  }

  showImages(id: string): void {
    this.images.add(id);
    this.host.requestUpdate();
  }

  /** Another client: nothing is open. */
  reset(): void {
    this.all = false;
    this.except = new Set();
    this.images = new Set();
  }
}
