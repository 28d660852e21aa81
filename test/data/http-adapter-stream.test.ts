import { expect, waitUntil } from '@open-wc/testing';
import { HttpAdapter } from '../../src/data/http-adapter.js';
import { pageQuery as query } from '../support/events.js';

/** Open event streams at the reference server (web-test-runner's `/server-api/`). */
const openStreams = async () => ((await (await fetch('/server-api/streams')).json()) as { open: number }).open;

const addNote = (client: string, text: string) =>
  fetch(`/server-api/notes?client=${encodeURIComponent(client)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });

describe('HttpAdapter: the event stream the reference server advertises', () => {
  // The server's database opens at the first request (a few seconds of WebAssembly start-up).
  before(async function () {
    this.timeout(90_000);
    await openStreams();
  });

  it('follows the stream named by the first page: a row written on the server arrives through it, and unsubscribing closes it', async () => {
    const client = `stream-${Date.now()}`;
    await addNote(client, 'first');
    const adapter = new HttpAdapter('/server-api/timeline');
    const pushed: unknown[][] = [];
    // Subscribed before any page: nothing to follow yet.
    const unsubscribe = adapter.subscribe(client, (events) => pushed.push(events));
    expect(adapter.streaming(client)).to.equal(false);
    const before = await openStreams();
    const page = await adapter.fetchPage(query({ clientId: client, limit: 10 }));
    expect(page.events.map((e) => (e as { title: string }).title)).to.deep.equal(['Note: first']);
    expect(adapter.streaming(client)).to.equal(true);
    await waitUntil(async () => (await openStreams()) === before + 1, 'the stream did not open at the server', { timeout: 10_000 });
    await addNote(client, 'second');
    await waitUntil(() => pushed.length > 0, 'no event came through the stream', { timeout: 10_000 });
    expect(pushed.flat().map((e) => (e as { title: string }).title)).to.deep.equal(['Note: second']);
    unsubscribe();
    expect(adapter.streaming(client)).to.equal(false);
    await waitUntil(async () => (await openStreams()) === before, 'the server still holds the stream', { timeout: 10_000 });
    // Written after unsubscribing: not handed on.
    await addNote(client, 'third');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushed.flat()).to.have.length(1);
  });

  it('opens no stream for a server that names none (the handler with `stream: false`): polling stays the only way', async () => {
    const client = `stream-none-${Date.now()}`;
    await addNote(client, 'polled');
    const adapter = new HttpAdapter('/server-api/polled/timeline');
    const unsubscribe = adapter.subscribe(client, () => {});
    const page = await adapter.fetchPage(query({ clientId: client, limit: 5 }));
    expect(page.events).to.have.length(1);
    expect(adapter.streaming(client)).to.equal(false);
    unsubscribe();
  });

  it('does not follow a stream named by a later page or a seek (only a first page says where the stream is)', async () => {
    const client = `stream-later-${Date.now()}`;
    for (const text of ['a', 'b', 'c']) await addNote(client, text);
    const adapter = new HttpAdapter('/server-api/timeline');
    const unsubscribe = adapter.subscribe(client, () => {});
    await adapter.fetchPage(query({ clientId: client, limit: 1, before: new Date().toISOString() }));
    expect(adapter.streaming(client)).to.equal(false);
    unsubscribe();
  });
});
