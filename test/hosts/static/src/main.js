// The plain page's script: no framework, the element driven through its properties and DOM events, typed by the
// package's declarations (`document.querySelector('client-timeline')` is a ClientTimeline, each event's detail is
// typed) and checked by `tsc --checkJs`.
import 'client-timeline';
import { createAdapter } from '@hosts/fixture';

const timeline = document.querySelector('client-timeline');
const log = document.querySelector('#log');
const framework = document.querySelector('#framework');
if (!timeline || !log || !framework) throw new Error('the page is missing its elements');

framework.textContent = `Plain HTML with an import map, Chromium ${/Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '?'}`;

/** @param {string} line */
const append = (line) => log.append(Object.assign(document.createElement('li'), { textContent: line }));

timeline.addEventListener('timeline-page', (e) => append(`page ${e.detail.clientId} ${e.detail.total}`));
timeline.addEventListener('timeline-toggle', (e) => append(`toggle ${e.detail.id} ${e.detail.expanded}`));
timeline.adapter = createAdapter();
timeline.clientId = 'karina';

document.querySelector('#switch')?.addEventListener('click', () => {
  timeline.clientId = 'lucia';
});
