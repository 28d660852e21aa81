import { expect, waitUntil } from '@open-wc/testing';
import { exportBlob, toCsv } from '../../src/data/export.js';
import { parseEvents } from '../../src/model/event.js';
import { HttpAdapter } from '../../src/data/http-adapter.js';
import { mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, ScriptedAdapter } from '../support/events.js';

const bytes = async (blob: Blob) => new TextDecoder().decode(await blob.arrayBuffer());

describe('export', () => {
  it('writes RFC 4180 CSV with a BOM, quoting, and spreadsheet formulas neutralised', async () => {
    const items = parseEvents([
      makeEvent(0, { title: 'Quote "Pro", 2 seats', author: { name: 'Ana Rojas' }, summary: 'line 1\nline 2', detail: { amount: { value: -480000, currency: 'CRC' }, body: '<p>Hi &amp; bye</p>', bodyFormat: 'html' } }),
      makeEvent(1, { title: '=HYPERLINK("http://evil")', summary: undefined, detail: undefined, author: undefined }),
    ]).items;
    const csv = toCsv(items);
    expect(csv.startsWith('\uFEFFid,occurredAt,type,category,title,author,summary,status,tone,amount,currency,subject,from,to,body,changes,attachments,attachmentUrls\r\n')).to.equal(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).to.equal(`ev-0,${items[0].occurredAt},email.sent,email,"Quote ""Pro"", 2 seats",Ana Rojas,"line 1\nline 2",,,-480000,CRC,,,,Hi & bye,,,`);
    expect(lines[2]).to.equal(`ev-1,${items[1].occurredAt},call.logged,call,"'=HYPERLINK(""http://evil"")",,,,,,,,,,,,,`);
    expect(lines[3]).to.equal('');
  });

  it('writes field changes and attachments (names, and their URLs in the same order) in CSV; JSON keeps them as sent', async () => {
    const detail = {
      changes: [
        { field: 'Stage', from: 'Proposal', to: 'Won' },
        { field: 'Amount', from: 1200, to: 1500.5 },
        { field: 'Owner', from: null, to: 'Ana Rojas' },
        { field: 'Discount' },
      ],
      attachments: [
        { name: 'quote.pdf', url: 'https://files.example/quote.pdf', size: 1024 },
        { name: 'site photo.jpg' },
        { name: 'terms.docx', url: 'https://files.example/terms.docx' },
      ],
    };
    const raw = [makeEvent(0, { summary: undefined, detail }), makeEvent(1, { summary: undefined, detail: { attachments: [{ name: 'notes.txt' }] } })];
    const items = parseEvents(raw).items;
    const [header, first, second] = toCsv(items).slice(1).split('\r\n');
    expect(header.split(',').slice(-3)).to.deep.equal(['changes', 'attachments', 'attachmentUrls']);
    expect(first.split(',').slice(-3)).to.deep.equal([
      'Stage: Proposal → Won; Amount: 1200 → 1500.5; Owner:  → Ana Rojas; Discount:  → ',
      'quote.pdf; site photo.jpg; terms.docx',
      'https://files.example/quote.pdf; ; https://files.example/terms.docx',
    ]);
    expect(second.split(',').slice(-3), 'no URL at all: an empty cell').to.deep.equal(['', 'notes.txt', '']);
    const json = JSON.parse(await bytes(exportBlob('json', items, { clientId: 'c1', exportedAt: '', filter: {} })));
    expect(json.events[0].detail).to.deep.equal(detail);
  });

  it('neutralises formulas in changed values, field names, attachment names, URLs and recipients, each on its own', () => {
    const evil = '=HYPERLINK("http://evil","Click")';
    const items = parseEvents([
      makeEvent(0, {
        summary: undefined,
        detail: {
          to: ['ana@example.com', '@evil(1)'],
          body: 'END',
          changes: [{ field: 'Notes', from: 'ok', to: evil }, { field: '@SUM(A1)', from: '+1', to: '-2' }, { field: 'Count', from: -1, to: 2 }],
          attachments: [{ name: evil, url: '=cmd|" /C calc"!A0' }, { name: '\tfile.pdf', url: 'https://files.example/f.pdf' }, { name: '\r=1+1' }],
        },
      }),
    ]).items;
    const row = toCsv(items).slice(1).split('\r\n')[1];
    expect(row, 'each recipient on its own').to.contain(`,ana@example.com; '@evil(1),END,`);
    const cells = row.slice(row.indexOf(',END,') + ',END,'.length);
    expect(cells).to.equal(
      [
        `"Notes: ok → '=HYPERLINK(""http://evil"",""Click""); '@SUM(A1): '+1 → '-2; Count: -1 → 2"`,
        `"'=HYPERLINK(""http://evil"",""Click""); '\tfile.pdf; '\r=1+1"`,
        `"'=cmd|"" /C calc""!A0; https://files.example/f.pdf; "`,
      ].join(','),
    );
  });

  it('exports every event matching the filter as JSON, paging through the adapter with progress', async () => {
    const adapter = new ScriptedAdapter(makeEvents(250));
    const el = await mount({ adapter, pageSize: 50 });
    await rendered(el, 5);
    el.types = ['call'];
    await settle(el);
    const progress: number[] = [];
    const before = adapter.queries.length;
    const blob = await el.exportEvents('json', { onProgress: (n) => progress.push(n) });
    expect(blob.type).to.equal('application/json');
    const body = JSON.parse(await bytes(blob));
    const calls = makeEvents(250).filter((e) => e.type.startsWith('call.'));
    expect(body.clientId).to.equal('c1');
    expect(body.filter.types).to.deep.equal(['call']);
    expect(body.count).to.equal(calls.length);
    expect(body.events.map((e: { id: string }) => e.id)).to.deep.equal(calls.map((e) => e.id));
    expect(body.events[0]).to.deep.equal(calls[0]);
    expect(body.events[0]).to.not.have.property('time');
    const exportQueries = adapter.queries.slice(before);
    expect(exportQueries[0].cursor).to.equal(null);
    expect(exportQueries.length).to.be.greaterThan(1);
    expect(progress.length).to.be.greaterThan(1);
    expect(progress.at(-1)).to.equal(calls.length);
  });

  it('exports the server-filtered history of the demo backend as CSV', async () => {
    const el = await mount({ adapter: new HttpAdapter('/api/timeline'), clientId: 'octopus', pageSize: 50 });
    await rendered(el, 5);
    el.types = ['billing'];
    await settle(el);
    const blob = await el.exportEvents('csv');
    const rows = (await bytes(blob)).slice(1).trimEnd().split('\r\n').slice(1);
    const expected = Number(shadow(el).querySelector('#fb-count-billing')!.textContent!.replace(/\D/g, ''));
    expect(expected).to.be.greaterThan(50);
    expect(rows).to.have.length(expected);
    expect(rows.every((r) => /^[^,]+,[^,]+,(invoice|payment)\.[a-z-]+,billing,/.test(r))).to.equal(true);
  });

  it('offers the export as a download from the actions menu', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(5)) });
    await rendered(el, 5);
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      const button = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="actions-menu"] button')].find((b) => b.textContent === 'Export CSV')!;
      button.click();
      await waitUntil(() => clicked.length === 1);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked[0].download).to.match(/^c1-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await bytes(await (await fetch(clicked[0].href)).blob());
    expect(text.split('\r\n')).to.have.length(7);
  });

  it('prints the whole filtered list, not the virtualized window', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(120)), pageSize: 200 });
    await rendered(el, 5);
    el.types = ['note'];
    await settle(el);
    window.dispatchEvent(new Event('beforeprint'));
    const list = shadow(el).querySelector('[part="print-list"]')!;
    const notes = makeEvents(120).filter((e) => e.type.startsWith('note.'));
    expect(list.querySelectorAll('li')).to.have.length(notes.length);
    expect(list.textContent).to.contain(notes.at(-1)!.title);
    expect(list.querySelector('.print-filters')!.textContent).to.contain('Notes');
    window.dispatchEvent(new Event('afterprint'));
    await settle(el);
    expect(shadow(el).querySelector('[part="print-list"]')).to.equal(null);
  });
});
