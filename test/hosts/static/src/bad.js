// The plain page's script gone wrong: each line after a ✗ comment must be reported by tsc --checkJs, and no other.
import 'client-timeline';

const timeline = document.querySelector('client-timeline');
if (timeline) {
  // ✗ adapter is an object with fetchPage(), not a number
  timeline.adapter = 42;
  // ✗ clientId is a string
  timeline.clientId = {};
  // ✗ no such property: the element's is clientId
  timeline.clientID = 'karina';
  // ✗ timeline-page's detail is TimelinePageDetail
  timeline.addEventListener('timeline-page', /** @param {CustomEvent<{ nope: true }>} e */ (e) => e.detail.nope);
  // ✗ TimelineToggleDetail has no title
  timeline.addEventListener('timeline-toggle', (e) => e.detail.title);
}
