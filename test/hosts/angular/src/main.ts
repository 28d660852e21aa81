// Angular 21 host: the element is defined once, before the standalone root component is bootstrapped without
// zone.js (signals and template listeners schedule change detection).
import 'client-timeline';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app';

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
