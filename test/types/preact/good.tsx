// Preact with `import type {} from 'client-timeline/preact'`: what a host writes, which must type-check.
import 'client-timeline';
import type { TimelineAdapter, TimelineErrorDetail, TimelinePageDetail } from 'client-timeline';
import type {} from 'client-timeline/preact';

export function ClientActivity({ clientId, adapter }: { clientId: string; adapter: TimelineAdapter }) {
  const onPage = (e: CustomEvent<TimelinePageDetail>) => console.log(e.detail.total.toFixed(0), e.detail.done);
  return (
    <>
      <client-timeline client-id={clientId} adapter={adapter} page-size={25} style={{ height: "600px" }} ontimeline-page={onPage} />
      <client-timeline clientId={clientId} pageSize={25} types={['email', 'call']} theme="dark" summary="none" />
      <client-timeline src="/api/timeline" record-types="quote,invoice" cache="memory" cache-max-age="3600" now={Date.now()} />
      <client-timeline ontimeline-error={(e) => console.warn(e.detail.kind, e.detail.message)} ref={(el) => void el?.reload()} />
      <client-timeline ontimeline-toggle={(e) => console.log(e.detail.id, e.detail.expanded)} ontimeline-error={(e: CustomEvent<TimelineErrorDetail>) => e} />
    </>
  );
}
