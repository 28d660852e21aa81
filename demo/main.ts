import '../src/index.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const timeline = $<HTMLElementTagNameMap['client-timeline']>('timeline');
const clientSelect = $<HTMLSelectElement>('client');
const localeSelect = $<HTMLSelectElement>('locale');
const latency = $<HTMLInputElement>('latency');
const latencyValue = $<HTMLSpanElement>('latency-value');
const fail = $<HTMLInputElement>('fail');
const log = $<HTMLDivElement>('log');

interface ClientInfo {
  id: string;
  name: string;
  company: string;
  eventCount: number;
}

async function setMockConfig(config: { latencyMs?: number; failRate?: number }): Promise<void> {
  await fetch('/api/mock-config', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
}

async function init(): Promise<void> {
  const { clients } = (await (await fetch('/api/clients')).json()) as { clients: ClientInfo[] };
  const count = new Intl.NumberFormat();
  for (const c of clients) {
    clientSelect.add(new Option(`${c.name} — ${c.company} (${count.format(c.eventCount)})`, c.id));
  }
  const params = new URLSearchParams(location.search);
  clientSelect.value = params.get('client') ?? 'karina';
  timeline.clientId = clientSelect.value;
  const config = (await (await fetch('/api/mock-config')).json()) as { latencyMs: number; failRate: number };
  latency.value = String(config.latencyMs);
  latencyValue.textContent = `${config.latencyMs} ms`;
  fail.checked = config.failRate > 0;
}

clientSelect.addEventListener('change', () => {
  timeline.clientId = clientSelect.value;
  const url = new URL(location.href);
  url.searchParams.set('client', clientSelect.value);
  history.replaceState(null, '', url);
});
localeSelect.addEventListener('change', () => {
  timeline.locale = localeSelect.value;
  document.documentElement.lang = localeSelect.value.slice(0, 2);
});
latency.addEventListener('input', () => (latencyValue.textContent = `${latency.value} ms`));
latency.addEventListener('change', () => void setMockConfig({ latencyMs: Number(latency.value) }));
fail.addEventListener('change', () => void setMockConfig({ failRate: fail.checked ? 1 : 0 }));

timeline.addEventListener('timeline-error', (e) => (log.textContent = `timeline-error (${e.detail.kind}): ${e.detail.message}`));
timeline.addEventListener('timeline-page', (e) => (log.textContent = `Loaded ${e.detail.total} events${e.detail.done ? ' (all)' : ''}`));

void init();
