/** The one place that speaks to screen readers: a polite live region the element renders once, and `announce()`. */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class AnnouncerController {
  private text = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  announce(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="sr-only" role="status" aria-live="polite">${this.text}</div>`;
  }
}
