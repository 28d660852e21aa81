import { expect } from '@open-wc/testing';
import { adapterFilter, boundOf, htmlText, matcher, NO_FILTER, typePrefixesOf } from '../../src/data/filter.js';
import { parseEvents } from '../../src/model/event.js';
import { makeEvent } from '../support/events.js';

const item = (i: number, overrides = {}) => parseEvents([makeEvent(i, overrides)]).items[0];

describe('filtering: pure functions', () => {
  it('matches search text in title, summary, author and detail text, case-insensitively', () => {
    const e = item(0, { title: 'Pro Plan quote', summary: 'Sent to Karina', author: { name: 'Diego Mora' }, detail: { body: '<p>Total &amp; <b>taxes</b></p>', bodyFormat: 'html' } });
    const hit = (q: string) => matcher({ ...NO_FILTER, q })(e);
    expect(hit('plan QUOTE')).to.equal(true);
    expect(hit('karina')).to.equal(true);
    expect(hit('diego')).to.equal(true);
    expect(hit('total & taxes')).to.equal(true);
    expect(hit('<b>')).to.equal(false);
    expect(hit('nothing like it')).to.equal(false);
    expect(htmlText('a<script>x()</script>b&lt;c&#x41;')).to.equal('a b<cA');
  });

  it('turns categories into type prefixes, except "other" which no prefix can express', () => {
    expect(typePrefixesOf(['email'])).to.include('email');
    expect(typePrefixesOf(['deal'])).to.include.members(['proposal', 'quote', 'deal']);
    expect(typePrefixesOf(['email', 'other'])).to.equal(null);
    const f = adapterFilter({ types: ['billing'], authors: ['Ana Rojas'], since: '2026-11-01', until: '2026-11-30', q: ' quote ' });
    expect(f.categories).to.deep.equal(['billing']);
    expect(f.types).to.include.members(['invoice', 'payment']);
    expect(f.search).to.equal('quote');
    expect(f.authors).to.deep.equal(['Ana Rojas']);
    expect(f.since).to.equal(new Date(2026, 10, 1).toISOString());
    expect(f.until).to.equal(new Date(new Date(2026, 11, 1).getTime() - 1).toISOString());
    expect(boundOf('not a date', 'start')).to.equal(null);
  });
});
