/**
 * Gap rows are sized for the events they stand for, and all of them together stay under the virtualizer's height
 * cap. (When and from where a gap fills is driven through the element in test/element/seek.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { gapHeights } from '../../src/controllers/gaps.js';
import type { Gap } from '../../src/data/gaps.js';
import { parseEvents } from '../../src/model/event.js';
import { makeEvent } from '../support/events.js';

const [above] = parseEvents([makeEvent(1)]).items;
const gap = (count: number | null, key = `gap:${count}`): Gap => ({ key, above, cursor: null, below: null, count });

describe('gapHeights', () => {
  it('gives a small gap the height of its rows', () => {
    const small = gap(10);
    expect(gapHeights(0, [small])(small)).to.equal(800);
  });

  it('never draws a gap shorter than a few rows, even of unknown size', () => {
    const unknown = gap(null);
    const one = gap(1);
    const height = gapHeights(0, [unknown, one]);
    expect(height(unknown)).to.equal(112);
    expect(height(one)).to.equal(112);
  });

  it('keeps a million events of gaps, with the loaded rows, under the 8.2M px cap', () => {
    const gaps = [gap(400_000, 'a'), gap(600_000, 'b')];
    const rows = 20_000;
    const height = gapHeights(rows, gaps);
    const total = gaps.reduce((sum, g) => sum + height(g), 0) + rows * 80;
    expect(total).to.be.below(8_200_000);
    // Proportional: the bigger gap is the taller one, by the ratio of their counts.
    expect(height(gaps[1]) / height(gaps[0])).to.be.closeTo(1.5, 0.001);
  });

  it('leaves at least 1M px to gaps when the loaded rows alone would fill the cap', () => {
    const big = gap(1_000_000);
    expect(gapHeights(200_000, [big])(big)).to.equal(1_000_000);
  });
});
