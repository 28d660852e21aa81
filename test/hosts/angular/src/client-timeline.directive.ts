// Angular 21 host: the types of <client-timeline>'s two bound properties, for Angular's template checker. Under
// CUSTOM_ELEMENTS_SCHEMA Angular checks no property binding of an element it does not know, so `[adapter]="42"`
// would pass; this directive, matched by the element's own tag, declares `adapter` and `clientId` as inputs typed
// by the package and sets each value on the element, as the property binding it stands for would. Nothing else:
// the element's events need no declaration, Angular types `(timeline-*)`'s `$event` from the package's
// `GlobalEventHandlersEventMap`.
import { Directive, ElementRef, inject, Input } from '@angular/core';
import type { ClientTimeline } from 'client-timeline';

@Directive({ selector: 'client-timeline' })
export class ClientTimelineProperties {
  private readonly element = inject<ElementRef<ClientTimeline>>(ElementRef).nativeElement;

  @Input() set adapter(value: ClientTimeline['adapter']) {
    this.element.adapter = value;
  }

  @Input() set clientId(value: ClientTimeline['clientId']) {
    this.element.clientId = value;
  }
}
