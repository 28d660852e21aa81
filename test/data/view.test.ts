import { expect } from '@open-wc/testing';
import { listView, type ViewInputs } from '../../src/data/view.js';

const base: ViewInputs = { hasSource: true, rows: 0, loaded: 0, started: false, done: false, failed: false, filterActive: false, searching: false };
const view = (over: Partial<ViewInputs>) => listView({ ...base, ...over });

describe('listView: what the list area shows', () => {
  it('without a client or source: no-client, whatever else holds', () => {
    expect(view({ hasSource: false, rows: 3, loaded: 3, started: true })).to.equal('no-client');
  });

  it('rows on screen: the list, even while a later page fails', () => {
    expect(view({ rows: 3, loaded: 3, started: true, failed: true })).to.equal('list');
  });

  it('the first page on its way: loading; failed with nothing shown: error', () => {
    expect(view({})).to.equal('loading');
    expect(view({ failed: true })).to.equal('error');
    expect(view({ failed: true, filterActive: true })).to.equal('error');
  });

  it('an empty history: empty, never "no matches" without a filter', () => {
    expect(view({ started: true, done: true })).to.equal('empty');
    expect(view({ started: true })).to.equal('loading');
  });

  it('a filter that a server answered with nothing: no-matches, never empty as well', () => {
    expect(view({ started: true, done: true, filterActive: true })).to.equal('no-matches');
  });

  it('a filter applied to what is loaded: the list (with its loading row) while older pages are searched, then no-matches', () => {
    expect(view({ started: true, loaded: 50, filterActive: true, searching: true })).to.equal('list');
    expect(view({ started: true, loaded: 50, filterActive: true, searching: false })).to.equal('no-matches');
    expect(view({ started: true, loaded: 50, filterActive: true, searching: true, failed: true })).to.equal('no-matches');
  });
});
