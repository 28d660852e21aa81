// Angular 21 host: a standalone, zoneless root component with its state in signals. `adapter` and `clientId` are
// bound as properties (typed by ClientTimelineProperties), `time-zone` and `locale` are attributes, and the
// element's events reach `(timeline-page)` / `(timeline-toggle)`, whose `$event` Angular types from the package.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal, VERSION } from '@angular/core';
import type { TimelinePageDetail, TimelineToggleDetail } from 'client-timeline';
import { createAdapter } from '../../shared/fixture.js';
import { ClientTimelineProperties } from './client-timeline.directive';

@Component({
  selector: 'app-root',
  imports: [ClientTimelineProperties],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <output id="framework">Angular {{ version }}</output>
    <button id="switch" type="button" (click)="clientId.set('lucia')">Show Lucía</button>
    <client-timeline
      [adapter]="adapter"
      [clientId]="clientId()"
      time-zone="UTC"
      locale="en"
      (timeline-page)="onPage($event)"
      (timeline-toggle)="onToggle($event)"
    />
    <ol id="log">
      @for (line of log(); track $index) {
        <li>{{ line }}</li>
      }
    </ol>
  `,
})
export class App {
  protected readonly version = VERSION.full;
  protected readonly adapter = createAdapter();
  protected readonly clientId = signal('karina');
  protected readonly log = signal<string[]>([]);

  protected onPage(e: CustomEvent<TimelinePageDetail>) {
    this.log.update((lines) => [...lines, `page ${e.detail.clientId} ${e.detail.total}`]);
  }

  protected onToggle(e: CustomEvent<TimelineToggleDetail>) {
    this.log.update((lines) => [...lines, `toggle ${e.detail.id} ${e.detail.expanded}`]);
  }
}
