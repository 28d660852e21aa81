/**
 * `<client-timeline-provider>`: the timelines inside it (at any depth, through shadow roots) share its adapter,
 * language, cache namespace and permissions; their own properties win; nested providers pass on what they do not
 * set; a provider defined late, a value that changes and a timeline moved to another provider all take effect.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { ClientTimelineProvider } from '../../src/client-timeline-provider.js';
import { loadMessages } from '../../src/i18n/messages.js';
import { NOW, makeEvent, makeEvents, ScriptedAdapter } from '../support/events.js';
import { articles, shadow } from '../support/fixture.js';

const feedLabel = (el: ClientTimeline) => shadow(el).querySelector('.scroller')?.getAttribute('aria-label');
const ids = (el: ClientTimeline) => el.events.map((e) => e.id);
const timelines = (root: ParentNode) => [...root.querySelectorAll<ClientTimeline>('client-timeline')];

/** A timeline that shows rows (a source reached it); in view, where the virtualizer draws them. */
const showsRows = (el: ClientTimeline) =>
  waitUntil(
    () => {
      el.scrollIntoView({ block: 'nearest' });
      return articles(el).length > 0;
    },
    `rows in ${el.clientId}`,
    { timeout: 5_000 },
  );

/** A host element that draws a timeline in its own shadow root, as a framework component would. */
class ShadowCard extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<client-timeline client-id="deal-7" cache="none" style="height:300px;width:500px"></client-timeline>';
  }
}
customElements.define('test-shadow-card', ShadowCard);

before(() => Promise.all([loadMessages('es'), loadMessages('pt')]));

describe('<client-timeline-provider>', () => {
  it('gives its adapter and locale to every timeline inside it, also inside another shadow root', async () => {
    const adapter = new ScriptedAdapter((clientId) => makeEvents(3).map((e) => ({ ...e, id: `${clientId}-${e.id}` })));
    const provider = await fixture<ClientTimelineProvider>(html`<client-timeline-provider .adapter=${adapter} locale="es">
      <client-timeline client-id="karina" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
      <client-timeline client-id="patitas" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
      <test-shadow-card></test-shadow-card>
    </client-timeline-provider>`);
    const inner = provider.querySelector('test-shadow-card')!.shadowRoot!.querySelector<ClientTimeline>('client-timeline')!;
    const all = [...timelines(provider), inner];
    await Promise.all(all.map(showsRows));
    expect(all.map((el) => ids(el)[0])).to.deep.equal(['karina-ev-0', 'patitas-ev-0', 'deal-7-ev-0']);
    expect(all.map(feedLabel)).to.deep.equal(['Actividad del cliente', 'Actividad del cliente', 'Actividad del cliente']);
    expect(new Set(adapter.queries.map((q) => q.clientId))).to.deep.equal(new Set(['karina', 'patitas', 'deal-7']));
  });

  it('yields to what a timeline sets itself', async () => {
    const shared = new ScriptedAdapter(makeEvents(2));
    const own = new ScriptedAdapter([makeEvent(0, { id: 'own-1' })]);
    const provider = await fixture<ClientTimelineProvider>(html`<client-timeline-provider .adapter=${shared} locale="es">
      <client-timeline client-id="c1" .adapter=${own} locale="pt" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
    </client-timeline-provider>`);
    const [el] = timelines(provider);
    await showsRows(el);
    expect(ids(el)).to.deep.equal(['own-1']);
    expect(feedLabel(el)).to.equal('Atividade do cliente');
    expect(shared.queries).to.have.length(0);
  });

  it('nested: the inner one gives what it sets and passes on the rest', async () => {
    const adapter = new ScriptedAdapter(makeEvents(2));
    const outer = await fixture<ClientTimelineProvider>(html`<client-timeline-provider .adapter=${adapter} locale="es" .permissions=${{ internal: false }}>
      <client-timeline client-id="outer" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
      <client-timeline-provider locale="pt">
        <client-timeline client-id="inner" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
      </client-timeline-provider>
    </client-timeline-provider>`);
    const [first, second] = timelines(outer);
    await Promise.all([showsRows(first), showsRows(second)]);
    expect([feedLabel(first), feedLabel(second)]).to.deep.equal(['Actividad del cliente', 'Atividade do cliente']);
    expect(adapter.queries.map((q) => q.clientId).sort()).to.deep.equal(['inner', 'outer']);
  });

  it('applies the permissions it gives: what the role may not see is not shown', async () => {
    const events = [makeEvent(0, { id: 'mail', type: 'email.sent' }), makeEvent(1, { id: 'bill', type: 'invoice.issued' })];
    const provider = await fixture<ClientTimelineProvider>(html`<client-timeline-provider .adapter=${new ScriptedAdapter(events)} .permissions=${{ categories: ['email'] }}>
      <client-timeline client-id="c1" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
    </client-timeline-provider>`);
    const [el] = timelines(provider);
    await showsRows(el);
    expect(ids(el)).to.deep.equal(['mail']);
    expect(shadow(el).textContent).not.to.contain(events[1].title);
  });

  it('reaches timelines that asked before it was defined', async () => {
    const adapter = new ScriptedAdapter(makeEvents(2));
    const wrapper = await fixture<HTMLElement>(html`<late-timeline-provider>
      <client-timeline client-id="c1" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
    </late-timeline-provider>`);
    const [el] = timelines(wrapper);
    await el.updateComplete;
    expect(adapter.queries).to.have.length(0);
    (wrapper as unknown as { adapter: unknown }).adapter = adapter;
    customElements.define('late-timeline-provider', class extends ClientTimelineProvider {});
    await showsRows(el);
    expect(adapter.queries.map((q) => q.clientId)).to.deep.equal(['c1']);
  });

  it('a value that changes reaches the timelines: another language at once, another adapter fetched from', async () => {
    const first = new ScriptedAdapter([makeEvent(0, { id: 'from-first' })]);
    const provider = await fixture<ClientTimelineProvider>(html`<client-timeline-provider .adapter=${first} locale="es">
      <client-timeline client-id="c1" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
    </client-timeline-provider>`);
    const [el] = timelines(provider);
    await showsRows(el);
    provider.locale = 'pt';
    await waitUntil(() => feedLabel(el) === 'Atividade do cliente', 'Portuguese');
    const second = new ScriptedAdapter([makeEvent(0, { id: 'from-second' })]);
    provider.adapter = second;
    await waitUntil(() => ids(el)[0] === 'from-second', 'the new adapter');
    expect(second.queries).to.have.length(1);
  });

  it('a timeline moved to another provider takes the new one', async () => {
    const a = new ScriptedAdapter([makeEvent(0, { id: 'from-a' })]);
    const b = new ScriptedAdapter([makeEvent(0, { id: 'from-b' })]);
    const box = await fixture<HTMLElement>(html`<div>
      <client-timeline-provider id="a" .adapter=${a} locale="es">
        <client-timeline client-id="c1" cache="none" .now=${NOW} style="height:300px;width:500px"></client-timeline>
      </client-timeline-provider>
      <client-timeline-provider id="b" .adapter=${b} locale="pt"></client-timeline-provider>
    </div>`);
    const [el] = timelines(box);
    await showsRows(el);
    expect(ids(el)).to.deep.equal(['from-a']);
    box.querySelector('#b')!.append(el);
    await waitUntil(() => ids(el)[0] === 'from-b', 'fetched from the new provider');
    await waitUntil(() => feedLabel(el) === 'Atividade do cliente', 'in the new language');
  });

  it('renders nothing of its own', async () => {
    const provider = await fixture<ClientTimelineProvider>(html`<client-timeline-provider><p>inside</p></client-timeline-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.shadowRoot!.querySelectorAll('slot')).to.have.length(1);
  });
});
