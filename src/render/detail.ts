/**
 * The expanded part of a row: the body, money, call length, field changes,
 * attachments and links, each only when the event carries it. A chunk of its
 * own (`loadDetail` in row.ts): the first paint of the list does not need it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';
import { typeInfo } from '../model/catalog.js';
import type { EventDetail, TimelineItem } from '../model/event.js';
import type { GroupRow } from '../data/rows.js';
import { changeValue } from './change-value.js';
import type { RenderContext } from './context.js';
import { icon, type IconName } from './icons.js';
import { longText } from './long-text.js';
import { whenScrolling } from './scroll-stop.js';
import { sameWords, summaryOf } from './row.js';
import { htmlText } from '../data/filter.js';
import { loadSanitizer, sanitizeBody, type SanitizedBody } from './sanitize.js';
import { safeUrl } from './safe-url.js';

export { detailStyles } from './detail.styles.js';

/** Text that says something: not empty, not only white space. */
const said = (text: string | undefined): text is string => !!text?.trim();

/** Titles longer than this may be clamped in the row: the detail repeats them in full. */
const FULL_TITLE_FROM = 120;

function field(ctx: RenderContext, label: string, content: unknown): TemplateResult {
  return html`<div class="field"><dt>${label}</dt><dd dir="auto">${typeof content === 'string' ? longText(content, ctx) : content}</dd></div>`;
}

/** A sanitized HTML body; remote images wait behind "Show images" (tracking pixels). */
function renderHtmlBody(item: TimelineItem, safe: SanitizedBody, images: boolean, ctx: RenderContext): TemplateResult {
  const note =
    safe.remoteImages && !images && ctx.showImages
      ? html`<div class="images-blocked" part="images-blocked">
          <span>${ctx.msg.imagesBlocked(safe.remoteImages)}</span>
          <button type="button" class="retry" part="show-images" @click=${() => ctx.showImages?.(item.id)}>${ctx.msg.showImages}</button>
        </div>`
      : nothing;
  return html`${note}<div class="body body-html" dir="auto" ${ref((el?: Element) => el && queueMicrotask(() => foldQuotedHtml(el, ctx.msg.showQuoted)))}>${unsafeHTML(safe.html)}</div>`;
}

const QUOTE_SELECTOR = '.gmail_quote, .yahoo_quoted, blockquote';

/**
 * The quoted history of an HTML email (Gmail's `.gmail_quote`, a `blockquote`, …)
 * folded behind "Show quoted text", as plain-text bodies are: the top-level block
 * holding the first quote, and everything after it, move into a `<details>`. Done
 * with DOM moves after the sanitized body renders (no markup is built from
 * strings); a body already folded is left alone.
 */
export function foldQuotedHtml(el: Element, label: string): void {
  if (el.querySelector(':scope > details.quoted')) return;
  const quote = el.querySelector(QUOTE_SELECTOR);
  if (!quote) return;
  let top: Node = quote;
  while (top.parentNode && top.parentNode !== el) top = top.parentNode;
  // A quote with no text before it is the message itself: nothing to fold.
  let hasTextBefore = false;
  for (let node = top.previousSibling; node && !hasTextBefore; node = node.previousSibling) {
    hasTextBefore = node.nodeType !== Node.COMMENT_NODE && !!node.textContent?.trim();
  }
  if (!hasTextBefore) return;
  const details = document.createElement('details');
  details.className = 'quoted';
  details.setAttribute('part', 'quoted');
  const summary = document.createElement('summary');
  summary.textContent = label;
  details.append(summary);
  // Move the quote block and what follows it, stopping at lit's closing marker if there is one.
  let node: Node | null = top;
  while (node && !(node.nodeType === Node.COMMENT_NODE && node.nextSibling === null)) {
    const next: Node | null = node.nextSibling;
    details.append(node);
    node = next;
  }
  el.insertBefore(details, node);
}

/** The last results of `fn` by their text argument: a long body is not sanitized or read again on each render. */
function remembered<T>(fn: (text: string, images: boolean) => T): (text: string, images?: boolean) => T {
  const cache = new Map<string, T>();
  return (text, images = false) => {
    if (text.length < 2000) return fn(text, images);
    const key = `${images ? 1 : 0}${text}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(text, images);
      if (value === undefined) return value;
      if (cache.size > 20) cache.delete(cache.keys().next().value!);
      cache.set(key, value);
    }
    return value;
  };
}
const sanitized = remembered((body, images) => sanitizeBody(body, { images }));
const textOfHtml = remembered(htmlText);

/**
 * HTML bodies longer than this (in markup) show as clamped text first: sanitizing and laying out a megabyte of
 * markup takes far longer than a frame. "Show formatted" renders them as HTML when the user asks.
 */
const HTML_CLAMP = 200_000;
const formatted = new WeakSet<TimelineItem>();

function renderBody(item: TimelineItem, ctx: RenderContext): TemplateResult | typeof nothing {
  const body = item.detail?.body;
  if (!body) return nothing;
  if (item.detail?.bodyFormat === 'html' && body.length > HTML_CLAMP && !formatted.has(item)) {
    const show = () => {
      formatted.add(item);
      ctx.refresh();
    };
    return html`<div class="body body-text" dir="auto">${longText(textOfHtml(body), ctx)}</div>
      <button type="button" class="retry show-formatted" @click=${show}>${ctx.msg.showFormatted}</button>`;
  }
  if (item.detail?.bodyFormat === 'html') {
    // Sanitized by DOMPurify: the only place adapter data becomes markup.
    const images = ctx.imagesShown?.(item.id) ?? false;
    const safe = sanitized(body, images);
    if (safe !== undefined) return renderHtmlBody(item, safe, images, ctx);
    // The sanitizer loads on first use: show the body's text meanwhile (as text, never markup).
    const text = html`<div class="body body-text" aria-busy="true">${longText(textOfHtml(body), ctx)}</div>`;
    return html`${until(
      loadSanitizer().then(
        () => renderHtmlBody(item, sanitized(body, images)!, images, ctx),
        () => html`<div class="body body-text" dir="auto">${longText(textOfHtml(body), ctx)}</div>`,
      ),
      text,
    )}`;
  }
  return html`<div class="body body-text" dir="auto">${longText(body, ctx)}</div>`;
}

/** Splits a plain-text email at its quoted history ("> …", "On … wrote:"). */
const QUOTE_START = /^(>|On .+ wrote:\s*$|El .+ escribi\u00f3:\s*$|Em .+ escreveu:\s*$|-{2,}\s*Original Message\s*-{2,})/m;

function renderTextBody(body: string, ctx: RenderContext): TemplateResult {
  const match = QUOTE_START.exec(body);
  if (!match || match.index === 0) return html`<div class="body body-text" dir="auto">${longText(body, ctx)}</div>`;
  return html`<div class="body body-text" dir="auto">${longText(body.slice(0, match.index).trimEnd(), ctx)}</div>
    <details class="quoted" part="quoted">
      <summary>${ctx.msg.showQuoted}</summary>
      <div class="body body-text" dir="auto">${longText(body.slice(match.index), ctx)}</div>
    </details>`;
}

function attachmentIcon(mimeType = '', name = ''): IconName {
  const type = mimeType.toLowerCase();
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (type.startsWith('image/') || ['png', 'jpg', 'jpeg', 'gif', 'webp', 'heic'].includes(ext)) return 'image';
  if (type.startsWith('audio/') || ['mp3', 'wav', 'm4a', 'ogg'].includes(ext)) return 'file-music';
  if (type.includes('spreadsheet') || type.includes('excel') || type === 'text/csv' || ['xls', 'xlsx', 'csv', 'ods'].includes(ext)) return 'file-spreadsheet';
  if (type.includes('zip') || type.includes('compressed') || ['zip', 'rar', '7z', 'gz'].includes(ext)) return 'file-archive';
  if (type === 'application/pdf' || type.startsWith('text/') || type.includes('word') || ['pdf', 'doc', 'docx', 'txt', 'odt'].includes(ext)) return 'file-text';
  return 'file';
}

/** The change list of an event: a table of field, old value → new value. */
export function renderChanges(changes: NonNullable<EventDetail['changes']>, ctx: RenderContext): TemplateResult {
  return html`<table class="changes" part="changes">
    <caption>${changes.length > 1 ? ctx.msg.fieldsChanged(changes.length) : ctx.msg.changes}</caption>
    <tbody>
      ${changes.map(
        (c) => html`<tr>
          <th scope="row" dir="auto">${c.field}</th>
          <td dir="auto"><del>${longText(changeValue(c.from, c, ctx.fmt, ctx.msg.empty_value), ctx)}</del></td>
          <td aria-hidden="true">→</td>
          <td dir="auto"><ins>${longText(changeValue(c.to, c, ctx.fmt, ctx.msg.empty_value), ctx)}</ins></td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/**
 * `true` when a summary only repeats what the detail says anyway: the title, the start of the body (a preview of
 * it), or a value of the change table (an edited note's new text).
 */
function repeated(summary: string, title: string, body: string, changes: NonNullable<EventDetail['changes']>): boolean {
  const words = sameWords(summary);
  if (!words || words === sameWords(title)) return true;
  // The body's first line, or the words it starts with (a preview), up to a word boundary.
  const text = sameWords(body);
  if (text.startsWith(words) && !/[\p{L}\p{N}]/u.test(text.charAt(words.length))) return true;
  return changes.some((c) => (typeof c.to === 'string' && sameWords(c.to) === words) || (typeof c.from === 'string' && sameWords(c.from) === words));
}

/** "Sends" for a scheduled email or message, "Starts" for a meeting, a booking and the rest. */
function sendsOrStarts(item: TimelineItem, ctx: RenderContext): string {
  const category = typeInfo(item.type).category;
  return category === 'email' || category === 'chat' ? ctx.msg.sendsAt : ctx.msg.startsAt;
}

/** A date and time, with how far off it is when it is still ahead ("Dec 3, 2026, 9:00 AM · in 2 days"). */
function whenOf(iso: string, ctx: RenderContext): string {
  const exact = ctx.fmt.dateTimeOf(iso);
  const time = Date.parse(iso);
  return Number.isNaN(time) || time <= ctx.now ? exact : `${exact} · ${ctx.fmt.relativeTo(time, ctx.now)}`;
}

/** Events whose recording the user asked to play: a recording is third-party content, fetched only then. */
const playing = new WeakSet<TimelineItem>();

/** A player created by "Play recording" takes the focus of its button and starts (if the browser lets it). */
const startPlaying = ref((el?: Element) => {
  if (!(el instanceof HTMLAudioElement) || el.dataset.started) return;
  el.dataset.started = 'true';
  // Once it is in the page (a ref sees a new template's nodes before they are inserted).
  queueMicrotask(() => {
    el.focus();
    void el.play().catch(() => undefined);
  });
});

function renderRecording(item: TimelineItem, url: string, ctx: RenderContext): TemplateResult {
  if (playing.has(item)) return html`<audio controls src=${url} aria-label=${ctx.msg.recording} ${startPlaying}></audio>`;
  const play = () => {
    playing.add(item);
    ctx.refresh();
  };
  return html`<button type="button" class="retry play-recording" @click=${play}>${ctx.msg.playRecording}</button>`;
}

export function renderDetail(item: TimelineItem, ctx: RenderContext, id: string): TemplateResult {
  const d = item.detail ?? {};
  const { msg, fmt } = ctx;
  const info = typeInfo(item.type);
  const link = safeUrl(d.url);
  const linkLabel = d.urlLabel || msg.openInApp;
  const open = (e: MouseEvent) => {
    if (!ctx.open(item, link!)) e.preventDefault();
  };
  // One record's story: every event about this record, together (not offered inside that story already).
  const record = item.record && ctx.showRecord && !ctx.story ? item.record : null;
  const linkTemplate = html`${link
    ? html`<a class="open" part="open-link" href=${link} target="_blank" rel="noopener noreferrer" @click=${open}>${icon('external-link')}${linkLabel}</a>`
    : nothing}${record
    ? html`<button type="button" class="retry record-history" part="record-history" @click=${() => ctx.showRecord!(record.id)}>${msg.recordHistory}</button>`
    : nothing}`;
  if (info.renderDetail) {
    return html`<div class="detail" id=${id} part="detail" ${whenScrolling}>
      ${/* a host renderer's string is text; its nodes and templates are its own markup */ info.renderDetail(item, { locale: fmt.locale, formatters: fmt })} ${linkTemplate}
    </div>`;
  }
  // A field is shown only with a value that says something: no "Duration" of a call that never connected.
  const facts: TemplateResult[] = [];
  const to = d.to?.filter(said) ?? [];
  const cc = d.cc?.filter(said) ?? [];
  if (said(d.subject)) facts.push(field(ctx, msg.subject, d.subject));
  if (said(d.from)) facts.push(field(ctx, msg.from, d.from));
  if (to.length) facts.push(field(ctx, msg.to, to.join(', ')));
  if (cc.length) facts.push(field(ctx, msg.cc, cc.join(', ')));
  if (d.direction) facts.push(field(ctx, msg.direction, d.direction === 'inbound' ? msg.inbound : msg.outbound));
  if (said(d.outcome)) facts.push(field(ctx, msg.outcome, d.outcome));
  if (d.durationSeconds) facts.push(field(ctx, msg.duration, fmt.durationOf(d.durationSeconds)));
  if (d.amount) facts.push(field(ctx, msg.amount, html`<span class="amount">${fmt.money(d.amount.value, d.amount.currency)}</span>`));
  if (d.quantity !== undefined) facts.push(field(ctx, msg.quantity, fmt.count(d.quantity)));
  if (said(d.startsAt)) facts.push(field(ctx, sendsOrStarts(item, ctx), whenOf(d.startsAt, ctx)));
  if (said(d.endsAt)) facts.push(field(ctx, msg.endsAt, fmt.dateTimeOf(d.endsAt)));
  if (said(d.location)) facts.push(field(ctx, msg.location, d.location));
  if (said(item.record?.label)) facts.push(field(ctx, msg.record, item.record.label));
  const recording = safeUrl(d.recordingUrl);
  const changes = d.changes ?? [];
  // Each text once: a body that is the new value of a changed field (an edited note) is in the change table already.
  const bodyText = said(d.body) ? (d.bodyFormat === 'html' ? textOfHtml(d.body) : d.body) : '';
  const bodyShown = !!bodyText && !changes.some((c) => typeof c.to === 'string' && sameWords(c.to) === sameWords(bodyText));
  const body = !bodyShown ? nothing : d.bodyFormat !== 'html' ? renderTextBody(d.body!, ctx) : renderBody(item, ctx);
  const summary = said(item.summary) && !repeated(item.summary, item.title, bodyShown ? bodyText : '', changes) ? item.summary : undefined;
  const longTitle = item.title.length > FULL_TITLE_FROM;
  const attachments = d.attachments ?? [];
  if (!longTitle && !summary && !facts.length && !bodyShown && !changes.length && !attachments.length && !recording && !link && !record) {
    // Nothing more than the row says: a quiet line instead of an empty box.
    return html`<p class="detail-none" id=${id} part="detail">${msg.noDetails}</p>`;
  }
  return html`<div class="detail" id=${id} part="detail" ${whenScrolling}>
    ${longTitle ? html`<p class="detail-title" dir="auto" ${whenScrolling}>${longText(item.title, ctx)}</p>` : nothing}
    ${summary ? html`<p class="detail-summary" dir="auto">${longText(summary, ctx)}</p>` : nothing}
    ${facts.length ? html`<dl class="facts">${facts}</dl>` : nothing}
    ${body}
    ${changes.length ? renderChanges(changes, ctx) : nothing}
    ${attachments.length
      ? html`<div class="attachments" part="attachments"><span class="label">${msg.attachments}</span>
          <ul>
            ${attachments.map((a) => {
              const href = safeUrl(a.url);
              const name = href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${a.name}</a>` : a.name;
              return html`<li><span class="file-icon">${icon(attachmentIcon(a.mimeType, a.name))}</span>${name}${a.size !== undefined ? html` <span class="size">${fmt.bytes(a.size)}</span>` : nothing}</li>`;
            })}
          </ul></div>`
      : nothing}
    ${recording ? renderRecording(item, recording, ctx) : nothing}
    ${linkTemplate}
  </div>`;
}

/** The detail of folded updates: each update with its time and its changes. */
export function renderGroupDetail(row: GroupRow, ctx: RenderContext, id: string): TemplateResult {
  // A conversation reads from its first message on.
  const items = row.thread ? [...row.items].reverse() : row.items;
  return html`<div class="detail" id=${id} part="detail" ${whenScrolling}>
    <ol class="folded">
      ${items.map(
        (item) => html`<li>
          <span class="folded-title" dir="auto">${longText(item.title, ctx, true)}</span>
          <time datetime=${item.occurredAt}>${ctx.fmt.exact(item.time)}</time>
          ${item.detail?.changes?.length ? renderChanges(item.detail.changes, ctx) : summaryOf(item, ctx) ? html`<p dir="auto">${longText(summaryOf(item, ctx)!, ctx)}</p>` : nothing}
        </li>`,
      )}
    </ol>
  </div>`;
}
