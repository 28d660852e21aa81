import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { AnnouncerController } from '../../src/controllers/announcer.js';
import { ExportController } from '../../src/controllers/export.js';
import { LocaleController } from '../../src/controllers/locale.js';
import { SourceController } from '../../src/controllers/source.js';
import type { ExportFormat } from '../../src/data/export.js';
import { NO_FILTER } from '../../src/data/filter.js';
import { parseEvents, type TimelineItem } from '../../src/model/event.js';
import { makeEvents, NOW, ScriptedAdapter } from '../support/events.js';

/** An export controller on a bare host, over `adapter`; `loaded` stands for a history loaded in full. */
function exporterOn(adapter: ScriptedAdapter, request: { loaded?: TimelineItem[]; keep?: (item: TimelineItem) => boolean; label?: string } = {}) {
  const host = { shadowRoot: null, addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const source = new SourceController();
  source.sync({ adapter, src: null, timeout: 5 });
  const i18n = new LocaleController(host);
  i18n.sync({ locale: 'en-US', timeZone: null, messages: null });
  const announcer = new AnnouncerController(host);
  const exporter = new ExportController(host, source, {
    request: () => ({ clientId: 'c1', label: request.label ?? 'c1', filter: NO_FILTER, sent: { search: 'call' }, keep: request.keep ?? (() => true), limit: 10, loaded: request.loaded ?? null }),
    i18n,
    announcer,
    now: () => NOW,
  });
  /** What the live region says now. */
  const said = () => {
    const region = document.createElement('div');
    render(announcer.render(), region);
    return region.textContent;
  };
  return { exporter, said };
}

describe('ExportController', () => {
  it('writes CSV and JSON from what is loaded, without fetching', async () => {
    const adapter = new ScriptedAdapter(makeEvents(50));
    const { exporter } = exporterOn(adapter, { loaded: parseEvents(makeEvents(3)).items });
    const json = JSON.parse(await (await exporter.build('json')).text());
    expect(json).to.include({ clientId: 'c1', count: 3 });
    expect(json.events.map((e: { id: string }) => e.id)).to.deep.equal(['ev-0', 'ev-1', 'ev-2']);
    const csv = (await (await exporter.build('csv')).text()).trim().split(/\r?\n/);
    expect(csv).to.have.length(4);
    expect(csv[1]).to.contain('ev-0');
    expect(adapter.queries).to.have.length(0);
  });

  it('pages through the source otherwise, keeping what matches, with progress', async () => {
    const adapter = new ScriptedAdapter(makeEvents(25));
    const { exporter } = exporterOn(adapter, { keep: (item) => item.type.startsWith('call.') });
    const progress: number[] = [];
    const blob = await exporter.build('json', { onProgress: (n) => progress.push(n) });
    const { events } = JSON.parse(await blob.text());
    const calls = makeEvents(25).filter((e) => e.type.startsWith('call.'));
    expect(events.map((e: { id: string }) => e.id)).to.deep.equal(calls.map((e) => e.id));
    expect(adapter.queries.map((q) => [q.cursor, q.limit, q.filter])).to.deep.equal([
      [null, 10, { search: 'call' }],
      ['10', 10, { search: 'call' }],
      ['20', 10, { search: 'call' }],
    ]);
    expect(progress, "once per page").to.deep.equal([3, 6, calls.length]);
  });

  it('rejects a format other than CSV or JSON with a TypeError', async () => {
    const adapter = new ScriptedAdapter(makeEvents(5));
    const { exporter } = exporterOn(adapter);
    const error = await exporter.build('xml' as ExportFormat).then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.contain('"xml"');
    expect(adapter.queries).to.have.length(0);
  });

  it('`download()` offers the file and announces how many events it holds', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      const { exporter, said } = exporterOn(new ScriptedAdapter(makeEvents(12)));
      await exporter.download('csv');
      expect(clicked.map((a) => a.download)).to.deep.equal(['c1-activity-2026-11-23.csv']);
      expect(said()).to.equal('Exported 12 events');
      expect(exporter.exporting).to.equal(null);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('names the file after the client\'s label, made safe for a file name', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      const { exporter } = exporterOn(new ScriptedAdapter(makeEvents(3)), { label: 'Karina Solís / Veterinaria "Patitas"' });
      await exporter.download('json');
      expect(clicked.map((a) => a.download)).to.deep.equal(['Karina-Solís-Veterinaria-Patitas-activity-2026-11-23.json']);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});
