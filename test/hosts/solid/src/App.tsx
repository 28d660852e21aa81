// Solid host: `adapter` and `clientId` set as properties (`prop:`), `time-zone` and `locale` as attributes
// (`attr:`; Solid would otherwise set them as the properties timeZone and locale), and the element's events received
// with `on:timeline-*`, typed by 'client-timeline/solid'.
import type { TimelinePageDetail, TimelineToggleDetail } from 'client-timeline';
import type {} from 'client-timeline/solid';
import { createSignal, For } from 'solid-js';
import { createAdapter } from '../../shared/fixture.js';

const adapter = createAdapter();

export function App() {
  const [clientId, setClientId] = createSignal('karina');
  const [log, setLog] = createSignal<string[]>([]);
  const append = (line: string) => setLog((lines) => [...lines, line]);

  const onPage = (e: CustomEvent<TimelinePageDetail>) => append(`page ${e.detail.clientId} ${e.detail.total}`);
  const onToggle = (e: CustomEvent<TimelineToggleDetail>) => append(`toggle ${e.detail.id} ${e.detail.expanded}`);

  return (
    <>
      <output id="framework">Solid {__SOLID_VERSION__}</output>
      <button id="switch" type="button" onClick={() => setClientId('lucia')}>
        Show Lucía
      </button>
      <client-timeline
        prop:adapter={adapter}
        prop:clientId={clientId()}
        attr:time-zone="UTC"
        attr:locale="en"
        style={{ '--ct-height': '420px' }}
        on:timeline-page={onPage}
        on:timeline-toggle={onToggle}
      />
      <ol id="log">
        <For each={log()}>{(line) => <li>{line}</li>}</For>
      </ol>
    </>
  );
}
