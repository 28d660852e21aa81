import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { adapterFilter, boundOf, foldText, htmlText, matchRanges, matcher, NO_FILTER, searchPattern, typePrefixesOf } from '../../src/data/filter.js';
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
    const f = adapterFilter({ ...NO_FILTER, types: ['billing'], authors: ['Ana Rojas'], since: '2026-11-01', until: '2026-11-30', q: ' quote ' });
    expect(f.categories).to.deep.equal(['billing']);
    expect(f.types).to.include.members(['invoice', 'payment']);
    expect(f.search).to.equal('quote');
    expect(f.authors).to.deep.equal(['Ana Rojas']);
    expect(f.since).to.equal(new Date(2026, 10, 1).toISOString());
    expect(f.until).to.equal(new Date(new Date(2026, 11, 1).getTime() - 1).toISOString());
    expect(boundOf('not a date', 'start')).to.equal(null);
  });

  describe('search ignores case and accents in every locale', () => {
    const marked = (text: string, q: string) => matchRanges(text, searchPattern(q)).map(([a, b]) => text.slice(a, b));

    it('finds accented text typed without accents, and the other way round', () => {
      const e = item(0, { title: 'Correo leído', summary: 'Llamada con José Pérez', author: { name: 'Lucía Ñandú' } });
      const hit = (q: string) => matcher({ ...NO_FILTER, q })(e);
      expect(hit('leido')).to.equal(true);
      expect(hit('LEIDO')).to.equal(true);
      expect(hit('jose')).to.equal(true);
      expect(hit('José')).to.equal(true);
      expect(hit('perez')).to.equal(true);
      expect(hit('lucia nandu')).to.equal(true);
      expect(hit('leídó')).to.equal(true);
      expect(hit('leida')).to.equal(false);
    });

    it('folds the Turkish dotted capital I to a plain i, without breaking "istanbul"', () => {
      expect(foldText('İstanbul')).to.equal('istanbul');
      expect(foldText('ISTANBUL')).to.equal('istanbul');
      const e = item(0, { title: 'Visita a İstanbul' });
      expect(matcher({ ...NO_FILTER, q: 'istanbul' })(e)).to.equal(true);
      expect(matcher({ ...NO_FILTER, q: 'İSTANBUL' })(e)).to.equal(true);
      expect(marked('Visita a İstanbul', 'istanbul')).to.deep.equal(['İstanbul']);
    });

    it('marks the original, accented text, also when it is decomposed (NFD) or has letters that fold longer', () => {
      expect(marked('Correo leído por Lucía', 'leido')).to.deep.equal(['leído']);
      expect(marked('Correo leído por Lucía', 'LUCIA')).to.deep.equal(['Lucía']);
      const nfd = 'Jose\u0301 y jose\u0301';
      expect(marked(nfd, 'jose')).to.deep.equal(['Jose\u0301', 'jose\u0301']);
      expect(marked('Ação e acao', 'ação')).to.deep.equal(['Ação', 'acao']);
      expect(marked('한국어 고객', '고객')).to.deep.equal(['고객']);
      expect(marked('😀 café 😀 cafe', 'cafe')).to.deep.equal(['café', 'cafe']);
    });

    it('(property) marks exactly what matches: every mark folds to the search, text around them is kept', () => {
      const letters = fc.constantFrom(...'aeiouAEIOUáéíóúÁÉÍÓÚñÑçÇãõüİıß nxyz'.split(''), 'e\u0301', 'n\u0303');
      const text = fc.array(letters, { maxLength: 30 }).map((a) => a.join(''));
      fc.assert(
        fc.property(text, text, (haystack, q) => {
          const pattern = searchPattern(q);
          const ranges = matchRanges(haystack, pattern);
          let last = 0;
          for (const [a, b] of ranges) {
            if (a < last || b <= a || b > haystack.length) return false;
            if (foldText(haystack.slice(a, b)) !== pattern!.needle) return false;
            last = b;
          }
          // A search the folded text contains is found at least once.
          const contains = !!pattern && foldText(haystack).includes(pattern.needle);
          return contains === ranges.length > 0 || (contains && pattern!.needle.length === 0);
        }),
        { numRuns: 500 },
      );
    });
  });
});

