/**
 * The expanded part of a row: the body, money, call length, field changes,
 * attachments and links, each only when the event carries it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';
import type { TimelineItem } from '../model/event.js';
import type { RenderContext } from './context.js';
import { htmlToText, loadSanitizer, safeUrl, sanitizeHtml } from './sanitize.js';

type Scalar = string | number | boolean | null | undefined;

function value(v: Scalar, ctx: RenderContext): string {
  if (v === null || v === undefined || v === '') return ctx.msg.empty_value;
  if (typeof v === 'number') return ctx.fmt.count(v);
  return String(v);
}

function field(label: string, content: unknown): TemplateResult {
  return html`<div class="field"><dt>${label}</dt><dd>${content}</dd></div>`;
}

function renderBody(item: TimelineItem): TemplateResult | typeof nothing {
  const body = item.detail?.body;
  if (!body) return nothing;
  if (item.detail?.bodyFormat === 'html') {
    // Sanitized by DOMPurify: the only place adapter data becomes markup.
    const safe = sanitizeHtml(body);
    if (safe !== undefined) return html`<div class="body body-html">${unsafeHTML(safe)}</div>`;
    // The sanitizer loads on first use: show the body's text meanwhile (as text, never markup).
    const text = html`<div class="body body-text" aria-busy="true">${htmlToText(body)}</div>`;
    return html`${until(
      loadSanitizer().then(
        () => html`<div class="body body-html">${unsafeHTML(sanitizeHtml(body))}</div>`,
        () => html`<div class="body body-text">${htmlToText(body)}</div>`,
      ),
      text,
    )}`;
  }
  return html`<div class="body body-text">${body}</div>`;
}

export function renderDetail(item: TimelineItem, ctx: RenderContext, id: string): TemplateResult {
  const d = item.detail ?? {};
  const { msg, fmt } = ctx;
  const facts: TemplateResult[] = [];
  if (item.status) facts.push(field(msg.status, item.status));
  if (d.subject) facts.push(field(msg.subject, d.subject));
  if (d.from) facts.push(field(msg.from, d.from));
  if (d.to?.length) facts.push(field(msg.to, d.to.join(', ')));
  if (d.direction) facts.push(field('', d.direction === 'inbound' ? msg.inbound : msg.outbound));
  if (d.amount) facts.push(field(msg.amount, html`<span class="amount">${fmt.money(d.amount.value, d.amount.currency)}</span>`));
  if (d.durationSeconds !== undefined) facts.push(field(msg.duration, fmt.durationOf(d.durationSeconds)));
  if (d.location) facts.push(field(msg.location, d.location));
  const recording = safeUrl(d.recordingUrl);
  const link = safeUrl(d.url);
  return html`<div class="detail" id=${id} part="detail">
    ${item.summary ? html`<p class="detail-summary">${item.summary}</p>` : nothing}
    ${facts.length ? html`<dl class="facts">${facts}</dl>` : nothing}
    ${renderBody(item)}
    ${d.changes?.length
      ? html`<table class="changes">
          <caption>${msg.changes}</caption>
          <tbody>
            ${d.changes.map(
              (c) => html`<tr>
                <th scope="row">${c.field}</th>
                <td><del>${value(c.from, ctx)}</del></td>
                <td aria-hidden="true">→</td>
                <td><ins>${value(c.to, ctx)}</ins></td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : nothing}
    ${d.attachments?.length
      ? html`<div class="attachments"><span class="label">${msg.attachments}</span>
          <ul>
            ${d.attachments.map((a) => {
              const href = safeUrl(a.url);
              return html`<li>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${a.name}</a>` : a.name}</li>`;
            })}
          </ul></div>`
      : nothing}
    ${recording ? html`<audio controls preload="none" src=${recording} aria-label=${msg.recording}></audio>` : nothing}
    ${link ? html`<a class="open" href=${link} target="_blank" rel="noopener noreferrer">${msg.openInApp}</a>` : nothing}
  </div>`;
}
