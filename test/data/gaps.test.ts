import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { PagerController } from '../../src/controllers/pager.js';
import { SourceController } from '../../src/controllers/source.js';
import { withGaps } from '../../src/data/gap-rows.js';
import { buildRows } from '../../src/data/rows.js';
import { SeekingAdapter } from '../support/seeking.js';

const indexOf = (id: string) => Number(id.replace('ev-', ''));

function pagerOn(adapter: SeekingAdapter) {
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const source = new SourceController();
  source.sync({ adapter, src: null, timeout: 5 });
  const problems: string[] = [];
  const pager = new PagerController(host, source, { onInvalid() {}, onError() {}, onPage() {}, onPosition: (m) => void problems.push(m) });
  return { pager, problems };
}

/** What must hold whatever was fetched in whatever order: loaded events in order, once, each gap between neighbours. */
function checkInvariants(pager: PagerController, adapter: SeekingAdapter, positions: boolean): void {
  const ids = pager.items.map((item) => indexOf(item.id));
  for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).to.equal(true, `order at ${i}: ${ids[i - 1]}, ${ids[i]}`);
  for (const gap of pager.gaps) {
    const above = ids.indexOf(indexOf(gap.above.id));
    if (!gap.below) {
      // Down to the end of the history: after the last event loaded, with the rest of the total.
      expect(above).to.equal(ids.length - 1);
      expect(gap.count).to.equal(adapter.count - 1 - ids[above]);
      continue;
    }
    expect(ids[above + 1]).to.equal(indexOf(gap.below.id), 'a gap lies between two neighbours');
    expect(indexOf(gap.below.id) - indexOf(gap.above.id) > 1).to.equal(true, 'a gap with nothing missing is closed');
    if (positions) expect(gap.count).to.equal(indexOf(gap.below.id) - indexOf(gap.above.id) - 1);
  }
  if (positions && !pager.done) expect(pager.gaps[pager.gaps.length - 1]?.below).to.equal(null, 'a gap down to the end');
  // Between loaded neighbours with no gap, nothing is missing.
  const gapAbove = new Set(pager.gaps.map((g) => indexOf(g.above.id)));
  for (let i = 1; i < ids.length; i++) if (!gapAbove.has(ids[i - 1])) expect(ids[i]).to.equal(ids[i - 1] + 1, `nothing missing after ${ids[i - 1]}`);
  if (positions && pager.gaps.length) ids.forEach((id, i) => expect(pager.positionOf(pager.items[i])).to.equal(id));
  expect(pager.total).to.equal(adapter.count);
}

describe('gaps: stretches fetched out of order', () => {
  it('any order of seeks, fills from either side and evictions keeps the history exact, and ends with all of it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 3_000 }),
        fc.integer({ min: 5, max: 60 }),
        fc.boolean(),
        fc.array(
          fc.oneof(
            fc.record({ seek: fc.double({ min: 0, max: 1, noNaN: true }) }),
            fc.record({ fill: fc.nat(), below: fc.boolean() }),
            fc.record({ evict: fc.double({ min: 0, max: 1, noNaN: true }), keep: fc.integer({ min: 10, max: 300 }) }),
            fc.constant({ more: true }),
          ),
          { maxLength: 25 },
        ),
        async (count, pageSize, positions, steps) => {
          const adapter = new SeekingAdapter(count);
          if (!positions) adapter.lie = (page) => void delete page.position;
          const { pager, problems } = pagerOn(adapter);
          pager.configure({ adapter, clientId: 'c1', pageSize, filter: {} });
          await pager.settled();
          await pager.prepareSeek();
          for (const step of steps) {
            if ('seek' in step) await pager.seek(adapter.timeOf(Math.floor(step.seek * (count - 1))));
            else if ('fill' in step && pager.gaps.length) await pager.fillGap(pager.gaps[step.fill % pager.gaps.length].key, step.below ? 'below' : 'above');
            else if ('evict' in step) {
              const before = pager.items.length;
              const dropped = pager.evict(pager.items[Math.floor(step.evict * (before - 1))], step.keep);
              if (dropped) expect(pager.items.length < before).to.equal(true);
              if (before > step.keep + 3 * pageSize) expect(pager.items.length <= step.keep + 3 * pageSize).to.equal(true, `${pager.items.length} kept of ${before}`);
            }
            else await pager.loadMore();
            checkInvariants(pager, adapter, positions);
          }
          // Everything, by filling each gap from above and paging to the end.
          for (let guard = 0; guard < 1_000 && (pager.gaps.length || !pager.done); guard++) {
            if (pager.gaps.length) await pager.fillGap(pager.gaps[0].key, 'above');
            else await pager.loadMore();
          }
          expect(pager.items.map((item) => indexOf(item.id))).to.deep.equal(Array.from({ length: count }, (_, i) => i));
          expect(pager.gaps.length).to.equal(0);
          expect(problems).to.deep.equal([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a gap filled from below shrinks from below and never overlaps what is loaded above', async () => {
    const adapter = new SeekingAdapter(5_000);
    const { pager } = pagerOn(adapter);
    pager.configure({ adapter, clientId: 'c1', pageSize: 50, filter: {} });
    await pager.settled();
    await pager.seek(adapter.timeOf(3_000));
    expect(pager.gaps.map((g) => [g.above.id, g.below?.id ?? null, g.count])).to.deep.equal([
      ['ev-49', 'ev-3000', 2_950],
      ['ev-3049', null, 1_950],
    ]);
    await pager.fillGap(pager.gaps[0].key, 'below');
    const [gap] = pager.gaps;
    expect(gap.above.id).to.equal('ev-49');
    // With positions, the page that ends right above the stretch below: asked by position, the gap shrinks by a page.
    expect(adapter.queries[2].at).to.equal(2_950);
    expect(gap.below?.id).to.equal('ev-2950');
    expect(gap.count).to.equal(2_900);
    expect(adapter.queries.length).to.equal(3);
  });

  it('a gap row sits between the rows of its two sides, and the row after it shows its day', () => {
    const adapter = new SeekingAdapter(10);
    const events = [0, 1, 2, 7, 8].map((i) => ({ id: `ev-${i}`, time: adapter.timeOf(i) }));
    const items = events.map((e) => ({ ...e, type: 'note.added', title: e.id })) as never[];
    const rows = buildRows(items, (time) => new Date(time).toISOString().slice(0, 10));
    const gap = { key: 'gap:ev-2', above: items[2], below: items[3], cursor: '3', count: 4 };
    const list = withGaps(rows, [gap], () => 112);
    expect(list.map((r) => r.key)).to.deep.equal(['ev-0', 'ev-1', 'ev-2', 'gap:ev-2', 'ev-7', 'ev-8']);
    expect(list[4].firstOfDay).to.equal(true);
    expect(withGaps(rows, [], () => 112)).to.equal(rows);
  });
});
