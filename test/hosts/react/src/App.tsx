// React 19 host: `adapter` and `clientId` bound as properties, `time-zone` and `locale` as attributes, and the
// element's events received through React 19's `ontimeline-*` props, typed by 'client-timeline/react'.
import type { TimelinePageDetail, TimelineToggleDetail } from 'client-timeline';
import type {} from 'client-timeline/react';
import { useState, version } from 'react';
import { createAdapter } from '../../shared/fixture.js';

const adapter = createAdapter();

export function App() {
  const [clientId, setClientId] = useState('karina');
  const [log, setLog] = useState<string[]>([]);
  const append = (line: string) => setLog((lines) => [...lines, line]);

  const onPage = (e: CustomEvent<TimelinePageDetail>) => append(`page ${e.detail.clientId} ${e.detail.total}`);
  const onToggle = (e: CustomEvent<TimelineToggleDetail>) => append(`toggle ${e.detail.id} ${e.detail.expanded}`);

  return (
    <>
      <output id="framework">React {version}</output>
      <button id="switch" type="button" onClick={() => setClientId('lucia')}>
        Show Lucía
      </button>
      <client-timeline adapter={adapter} clientId={clientId} time-zone="UTC" locale="en" ontimeline-page={onPage} ontimeline-toggle={onToggle} />
      <ol id="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </>
  );
}
