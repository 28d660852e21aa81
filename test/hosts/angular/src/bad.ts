// Angular 21 host: what ngc (strictTemplates) must reject. The line after each ✗ comment must be reported, and no
// other line.
import 'client-timeline';
import { Component, CUSTOM_ELEMENTS_SCHEMA, ElementRef, viewChild } from '@angular/core';
import { ClientTimelineProperties } from './client-timeline.directive';

@Component({
  selector: 'app-bad',
  imports: [ClientTimelineProperties],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <!-- ✗ adapter is an object with fetchPage(), not a number -->
    <client-timeline [adapter]="42" />
    <!-- ✗ clientId is a string -->
    <client-timeline [clientId]="{ id: 'karina' }" />
    <!-- ✗ timeline-page's detail is TimelinePageDetail -->
    <client-timeline (timeline-page)="onNope($event)" />
    <!-- ✗ TimelineToggleDetail has no title -->
    <client-timeline (timeline-toggle)="$event.detail.title" />

    <!-- Not checkable in a template: CUSTOM_ELEMENTS_SCHEMA lets any property be bound on an element whose name
         has a dash, so an unknown property passes (the schema stays: without it Angular would reject, as NG8002,
         every property of the element that the directive does not declare), and attributes, static or [attr.*],
         are never checked. The component's own code is checked: see poke(). -->
    <client-timeline [clientIdentifier]="'karina'" client-identifier="karina" [attr.client-id]="{ id: 'karina' }" />
    <client-timeline #timeline />
  `,
})
export class Bad {
  readonly timeline = viewChild.required<ElementRef<HTMLElementTagNameMap['client-timeline']>>('timeline');

  onNope(e: CustomEvent<{ nope: true }>) {
    return e.detail.nope;
  }

  // The component's own code reaching the element: plain TypeScript over the package's ClientTimeline.
  poke() {
    const el = this.timeline().nativeElement;
    // ✗ no such property: the element's is clientId
    el.clientIdentifier = 'karina';
    // ✗ adapter is an object with fetchPage(), not a number
    el.adapter = 42;
  }
}
