/**
 * Printing: the virtualized list holds a window of rows, so while the page prints the element shows a plain,
 * complete list of the filtered events instead (`render/print-list.ts`), headed by the active filters in words.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PrintController implements ReactiveController {
  /** `true` between `beforeprint` and `afterprint`. */
  printing = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
  }

  private onBeforePrint = () => {
    this.printing = true;
    this.host.requestUpdate();
    // The print snapshot is taken right after this handler: render now.
    (this.host as unknown as { performUpdate(): void }).performUpdate();
  };

  private onAfterPrint = () => {
    this.printing = false;
    this.host.requestUpdate();
  };
}
