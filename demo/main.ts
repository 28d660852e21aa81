import '../src/index.js';
import neutralTheme from '../themes/neutral.css?url';
import opsConsoleTheme from '../themes/ops-console.css?url';
import warmBrandTheme from '../themes/warm-brand.css?url';

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
// Example themes: a stylesheet of --ct-* tokens linked on the page; the colour scheme and density are attributes.
const THEMES: Record<string, string> = { neutral: neutralTheme, 'ops-console': opsConsoleTheme, 'warm-brand': warmBrandTheme };
const themeSelect = $<HTMLSelectElement>('theme');
const schemeSelect = $<HTMLSelectElement>('scheme');
const densitySelect = $<HTMLSelectElement>('density');
const themeLink = document.createElement('link');
themeLink.rel = 'stylesheet';
function applyLook(): void {
  const href = THEMES[themeSelect.value];
  if (href) {
    themeLink.href = href;
    if (!themeLink.isConnected) document.head.append(themeLink);
  } else {
    themeLink.remove();
  }
  timeline.theme = (schemeSelect.value || null) as 'light' | 'dark' | null;
  timeline.density = (densitySelect.value || null) as 'compact' | null;
  const url = new URL(location.href);
  for (const [key, select] of [['theme', themeSelect], ['scheme', schemeSelect], ['density', densitySelect]] as const) {
    if (select.value) url.searchParams.set(key, select.value);
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url);
}
{
  const params = new URLSearchParams(location.search);
  themeSelect.value = params.get('theme') ?? '';
  schemeSelect.value = params.get('scheme') ?? '';
  densitySelect.value = params.get('density') ?? '';
  if (params.get('locale')) {
    localeSelect.value = params.get('locale')!;
    timeline.locale = localeSelect.value;
  }
  applyLook();
}
for (const select of [themeSelect, schemeSelect, densitySelect]) select.addEventListener('change', applyLook);

latency.addEventListener('input', () => (latencyValue.textContent = `${latency.value} ms`));
latency.addEventListener('change', () => void setMockConfig({ latencyMs: Number(latency.value) }));
fail.addEventListener('change', () => void setMockConfig({ failRate: fail.checked ? 1 : 0 }));

timeline.addEventListener('timeline-error', (e) => (log.textContent = `timeline-error (${e.detail.kind}): ${e.detail.message}`));
timeline.addEventListener('timeline-page', (e) => (log.textContent = `Loaded ${e.detail.total} events${e.detail.done ? ' (all)' : ''}`));

void init();
