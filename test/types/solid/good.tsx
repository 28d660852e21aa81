// Solid with `"types": ["client-timeline/solid"]`: what a host writes, which must type-check.
import 'client-timeline';
import type { TimelineAdapter, TimelinePageDetail } from 'client-timeline';

export function ClientActivity(props: { clientId: string; adapter: TimelineAdapter }) {
  const onPage = (e: CustomEvent<TimelinePageDetail>) => console.log(e.detail.total.toFixed(0), e.detail.done);
  return (
    <>
      <client-timeline client-id={props.clientId} adapter={props.adapter} page-size={25} style={{ height: '600px' }} on:timeline-page={onPage} />
      <client-timeline prop:clientId={props.clientId} prop:types={['email', 'call']} attr:types="email,call" attr:page-size={25} theme="dark" />
      <client-timeline src="/api/timeline" record-types={['quote']} cache="memory" now={Date.now()} />
      <client-timeline on:timeline-error={(e) => console.warn(e.detail.kind, e.currentTarget.clientId)} ontimeline-toggle={(e) => console.log(e.detail.expanded)} />
      <client-timeline ref={(el) => void el.reload()} on:timeline-open={{ handleEvent: (e) => e.preventDefault(), once: true }} />
    </>
  );
}
