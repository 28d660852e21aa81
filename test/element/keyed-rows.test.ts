import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html, nothing, render } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { keyedRows } from '../../src/render/keyed-rows.js';

// `npm test` runs this file against the lit-html the package installs (3.3.3, whose `removePart()` leaves a marker
// per removed row, lit/lit#5298) and against 3.3.0 (group `lit-html-3.3.0`).

const disconnectedKeys: string[] = [];
/** Records the key of a row whose content Lit disconnects. */
class Watch extends AsyncDirective {
  private key = '';
  render(key: string) {
    this.key = key;
    return key;
  }
  override disconnected() {
    disconnectedKeys.push(this.key);
  }
}
const watch = directive(Watch);

const list = (keys: readonly string[]) =>
  html`<ul>${keyedRows(keys, (k) => k, (k, i) => html`<li data-key=${k} data-index=${i} tabindex="-1">${watch(k)}</li>`)}</ul>`;

function view(host: HTMLElement) {
  const ul = host.querySelector('ul')!;
  const items = [...ul.querySelectorAll('li')];
  const comments = [...ul.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
  return { ul, items, keys: items.map((li) => li.dataset.key), comments };
}

describe('keyedRows()', () => {
  let host: HTMLDivElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    disconnectedKeys.length = 0;
  });
  afterEach(() => host.remove());

  it('renders the rows in order, with the index each was given', () => {
    render(list(['a', 'b', 'c']), host);
    const { keys, items } = view(host);
    expect(keys).to.deep.equal(['a', 'b', 'c']);
    expect(items.map((li) => li.dataset.index)).to.deep.equal(['0', '1', '2']);
  });

  it('keeps the DOM of the rows that stay, and their focus, as rows come and go at both ends', () => {
    render(list(['a', 'b', 'c', 'd']), host);
    const before = view(host);
    const c = before.items[2];
    c.focus();
    render(list(['c', 'd', 'e', 'f']), host);
    render(list(['z', 'c', 'd', 'e']), host);
    const after = view(host);
    expect(after.keys).to.deep.equal(['z', 'c', 'd', 'e']);
    expect(after.items[1]).to.equal(c);
    expect(after.items[2]).to.equal(before.items[3]);
    expect(document.activeElement).to.equal(c);
    expect(c.dataset.index).to.equal('1');
  });

  it('removes a row that leaves with both its markers, and tells the directives inside it', () => {
    render(list(['a', 'b', 'c']), host);
    const start = view(host);
    // Two markers per row, plus the list part's own.
    const own = start.comments - 2 * 3;
    for (let i = 0; i < 50; i++) render(list([`x${i}`, 'b', `y${i}`]), host);
    const end = view(host);
    expect(end.keys).to.deep.equal(['x49', 'b', 'y49']);
    expect(end.comments).to.equal(own + 2 * 3);
    expect(disconnectedKeys).to.include.members(['a', 'c', 'x0', 'y48']);
    expect(disconnectedKeys).not.to.include('b');
    render(list([]), host);
    expect(view(host).comments).to.equal(own);
  });

  it('moves rows into a new order without recreating them', () => {
    render(list(['a', 'b', 'c', 'd', 'e']), host);
    const byKey = new Map(view(host).items.map((li) => [li.dataset.key, li]));
    render(list(['e', 'c', 'a', 'd', 'b']), host);
    const after = view(host);
    expect(after.keys).to.deep.equal(['e', 'c', 'a', 'd', 'b']);
    for (const li of after.items) expect(li).to.equal(byKey.get(li.dataset.key));
    expect(after.comments).to.equal(view(host).comments);
    expect(disconnectedKeys).to.deep.equal([]);
  });

  it('gives a key listed twice a row for each', () => {
    render(list(['a', 'a', 'b']), host);
    expect(view(host).keys).to.deep.equal(['a', 'a', 'b']);
    render(list(['b', 'a']), host);
    const after = view(host);
    expect(after.keys).to.deep.equal(['b', 'a']);
    expect(after.comments - 2 * 2).to.equal(view(host).comments - 2 * 2);
  });

  it('replaces what the part held before and leaves nothing when it is replaced', () => {
    const part = (value: unknown) => html`<ul>${value}</ul>`;
    render(part('some text'), host);
    render(part(keyedRows(['a', 'b'], (k) => k, (k) => html`<li data-key=${k}>${k}</li>`)), host);
    expect(view(host).keys).to.deep.equal(['a', 'b']);
    expect(host.querySelector('ul')!.textContent).to.equal('ab');
    render(part(nothing), host);
    expect(host.querySelector('ul')!.childNodes.length).to.be.at.most(2);
    expect(host.querySelector('li')).to.equal(null);
  });

  it('matches the keys it is given after any sequence of lists, two markers a row', () => {
    const keyList = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }).map((ks) => ks.map(String));
    fc.assert(
      fc.property(fc.array(keyList, { minLength: 1, maxLength: 12 }), (lists) => {
        const box = document.createElement('div');
        render(list([]), box);
        const own = view(box).comments;
        let previous = new Map<string, HTMLLIElement>();
        for (const keys of lists) {
          render(list(keys), box);
          const now = view(box);
          if (now.keys.join() !== keys.join()) return false;
          if (now.comments !== own + 2 * keys.length) return false;
          // A key in both lists is the same element.
          for (const li of now.items) if (previous.has(li.dataset.key!) && previous.get(li.dataset.key!) !== li) return false;
          previous = new Map(now.items.map((li) => [li.dataset.key!, li]));
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
