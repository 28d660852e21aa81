import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseInSlices } from '../../src/data/slices.js';
import { parseEvents } from '../../src/model/event.js';
import { makeEvent, makeEvents } from '../support/events.js';
import { holdYields } from '../support/yields.js';

/** Events with invalid ones among them, at `bad` positions. */
function page(count: number, bad: number[] = []): unknown[] {
  const raw: unknown[] = makeEvents(count);
  for (const at of bad) if (at < count) raw[at] = at % 2 ? { ...makeEvent(at), occurredAt: 'yesterday' } : { id: `bad-${at}` };
  return raw;
}

describe('parseInSlices', () => {
  it('gives what parseEvents gives, items and reports in order, whatever the slices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.sparseArray(fc.oneof(fc.nat(500).map((i) => makeEvent(i)), fc.anything()), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        async (raw, first) => {
          expect(await parseInSlices(raw, { first })).to.deep.equal(parseEvents(raw));
        },
      ),
      { numRuns: 200 },
    );
    const long = page(5_000, [3, 150, 199, 200, 201, 4_999]);
    expect(await parseInSlices(long)).to.deep.equal(parseEvents(long));
  });

  it('hands over the first 200 items at once when more follow, then yields before the rest', async () => {
    const held = holdYields();
    try {
      const firsts: string[][] = [];
      const done = parseInSlices(page(1_000, [7]), { onFirst: (items) => firsts.push(items.map((i) => i.id)) });
      let resolved = false;
      void done.then(() => (resolved = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(firsts).to.have.length(1);
      expect(firsts[0]).to.have.length(199);
      expect(firsts[0][0]).to.equal('ev-0');
      expect(held.yields).to.equal(1);
      expect(resolved, 'the rest waits for the yield').to.equal(false);
      held.release();
      const whole = await done;
      expect(whole.items).to.have.length(999);
      expect(whole.invalid.map((e) => e.index)).to.deep.equal([7]);
    } finally {
      held.restore();
    }
  });

  it('a short page is validated at once: no first slice of its own, no yield', async () => {
    const held = holdYields();
    try {
      let called = false;
      const whole = await parseInSlices(page(200), { onFirst: () => (called = true) });
      expect(whole.items).to.have.length(200);
      expect([called, held.yields]).to.deep.equal([false, 0]);
    } finally {
      held.restore();
    }
  });

  it('validates the rest after the next frame, which shows the first slice', async () => {
    // The rest began in a task queued at once, which Chromium ran before the frame: a page of 1,000 events was
    // painted only once all of it was validated and merged.
    let framed = false;
    let restAfterFrame: boolean | null = null;
    const raw = page(1_000);
    const watched = new Proxy(raw, {
      get(target, key, receiver) {
        if (key === '200') restAfterFrame ??= framed;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const whole = await parseInSlices(watched, { onFirst: () => requestAnimationFrame(() => (framed = true)) });
    expect(restAfterFrame, 'the 201st event was read after a frame').to.equal(true);
    expect(whole.items).to.have.length(1_000);
  });

  it('yields with a task of its own: a task queued before runs before the rest', async () => {
    // A message posted before: its task comes first, before the slice after the first.
    let task = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (task = true);
    channel.port2.postMessage(0);
    let before: boolean | null = null;
    const whole = await parseInSlices(page(1_000), { onFirst: () => (before = task) });
    expect(before).to.equal(false);
    expect(task, 'the task ran while the page was validated').to.equal(true);
    expect(whole.items).to.have.length(1_000);
  });

  it('stops at the next slice once aborted, rejecting with the abort', async () => {
    const controller = new AbortController();
    const error = await parseInSlices(page(5_000), { signal: controller.signal, onFirst: () => controller.abort() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as DOMException | null)?.name).to.equal('AbortError');
  });
});
