/**
 * Long texts in the detail: at most the first `TEXT_CLAMP` characters of a text render at first, the rest on demand,
 * a step per frame (a 1 MB body costs no long task). Part of the detail chunk.
 */
import { html } from 'lit';
import { AsyncDirective, directive, type ChildPart } from 'lit/async-directive.js';
import type { RenderContext } from './context.js';
import { markScrolling } from './scroll-stop.js';

/** The most characters of one text a detail renders at first (a long email thread fits); the rest waits for "Show all" (a 1 MB body costs no layout). */
const TEXT_CLAMP = 20_000;
/** Characters added per frame once "Show all" is pressed: each step stays well under a 50 ms task. */
const STEP = 50_000;

/** Where to cut `text` near `end`: after a line break or a space close before it, never inside a surrogate pair. */
function cutAt(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const line = text.lastIndexOf('\n', end - 1);
  if (line > end - 1000) return line + 1;
  const space = text.lastIndexOf(' ', end - 1);
  if (space > end - 100) return space + 1;
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** The next frame has been drawn, and the browser had a turn for input (`scheduler.yield` where there is one). */
function nextFrame(): Promise<void> {
  const yielded = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield;
  return new Promise((resolve) => requestAnimationFrame(() => (yielded ? void yielded.call(globalThis.scheduler).then(resolve) : setTimeout(resolve))));
}

/**
 * A text of the data, at most `TEXT_CLAMP` characters of it at first (search matches marked there when `marked`),
 * then a "Show all 1,048,576 characters" button that adds the rest `STEP` characters per frame, each step a block of
 * its own so that a step lays out only its own text.
 */
class LongText extends AsyncDirective {
  private text = '';
  private ctx!: RenderContext;
  private marked = false;
  private steps: string[] = [];
  private shown = 0;
  private run = 0;
  private host: Node | null = null;

  render(text: string, ctx: RenderContext, marked = false): unknown {
    this.ctx = ctx;
    this.marked = marked;
    if (text !== this.text) {
      this.text = text;
      this.steps = [];
      this.shown = cutAt(text, TEXT_CLAMP);
      this.run++;
    }
    return this.view();
  }

  override update(part: ChildPart, [text, ctx, marked]: Parameters<this['render']>): unknown {
    this.host = part.parentNode;
    return this.render(text, ctx, marked);
  }

  private view(): unknown {
    const { text, ctx } = this;
    const end = cutAt(text, TEXT_CLAMP);
    const head = end === text.length ? text : text.slice(0, end);
    const shownHead = this.marked ? ctx.highlight(head) : head;
    if (end === text.length) return shownHead;
    const more = this.steps.map((step) => html`<span class="more">${step}</span>`);
    if (this.shown >= text.length) return html`${shownHead}${more}`;
    // No white space around the button: bodies and titles keep theirs (`pre-wrap`).
    const label = ctx.msg.showAll(ctx.fmt.count(text.length));
    return html`${shownHead}${more}<span class="more">…<button type="button" class="retry show-all" @click=${this.showAll}>${label}</button></span>`;
  }

  private showAll = async (e: Event): Promise<void> => {
    const button = e.currentTarget as HTMLElement;
    if (button.getAttribute('aria-busy')) return;
    button.setAttribute('aria-busy', 'true');
    const { run, text } = this;
    while (this.shown < text.length && run === this.run && this.isConnected) {
      const end = cutAt(text, this.shown + STEP);
      this.steps = [...this.steps, text.slice(this.shown, end)];
      this.shown = end;
      if (end < text.length) {
        this.setValue(this.view());
        await nextFrame();
      }
    }
    if (run !== this.run) return;
    const focused = (button.getRootNode() as ShadowRoot).activeElement === button;
    this.setValue(this.view());
    // The button is gone: focus stays in the detail, which scrolls now and is a tab stop.
    const detail = this.host instanceof Element ? this.host.closest<HTMLElement>('.detail') : null;
    if (focused && detail) {
      markScrolling(detail);
      detail.focus({ preventScroll: true });
    }
  };
}

/** `text` clamped to `TEXT_CLAMP` characters, the rest on demand (see `LongText`). */
export const longText = directive(LongText);

