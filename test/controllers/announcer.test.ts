import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AnnouncerController } from '../../src/controllers/announcer.js';

/** Renders the live region among other content, and counts its updates. */
class AnnouncerHost extends LitElement {
  readonly announcer = new AnnouncerController(this);
  updates = 0;
  override render() {
    return html`<p>Other content</p>${this.announcer.render()}`;
  }
  override updated() {
    this.updates++;
  }
}
customElements.define('announcer-controller-test-host', AnnouncerHost);

describe('AnnouncerController', () => {
  it('renders one polite live region, empty at first', async () => {
    const el = await fixture<AnnouncerHost>(html`<announcer-controller-test-host></announcer-controller-test-host>`);
    const regions = el.shadowRoot!.querySelectorAll('[aria-live]');
    expect(regions).to.have.length(1);
    expect(regions[0].getAttribute('aria-live')).to.equal('polite');
    expect(regions[0].getAttribute('role')).to.equal('status');
    expect(regions[0].textContent).to.equal('');
  });

  it('says each new text in the same region, asking for an update only when the text changes', async () => {
    const el = await fixture<AnnouncerHost>(html`<announcer-controller-test-host></announcer-controller-test-host>`);
    const region = el.shadowRoot!.querySelector('[aria-live]')!;
    const first = el.updates;
    el.announcer.announce('30 events loaded');
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(region.textContent).to.equal('30 events loaded');
    el.announcer.announce('30 events loaded');
    expect(el.isUpdatePending).to.equal(false);
    el.announcer.announce('No events match these filters');
    await el.updateComplete;
    expect(el.updates - first).to.equal(2);
    expect(el.shadowRoot!.querySelector('[aria-live]')).to.equal(region);
    expect(region.textContent).to.equal('No events match these filters');
  });
});
