import '../src/index.js';
import manifest from '../custom-elements.json';
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
const log = $<HTMLOListElement>('log');
const clientSearch = $<HTMLInputElement>('client-search');

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
  const res = await fetch('/api/clients');
  if (!res.ok) {
    // The picker stays empty; the timeline itself shows (and retries) its own errors.
    logLine(`could not list clients: /api/clients answered HTTP ${res.status}`, 'error');
    timeline.clientId = new URLSearchParams(location.search).get('client') ?? 'karina';
    return;
  }
  const { clients } = (await res.json()) as { clients: ClientInfo[] };
  const count = new Intl.NumberFormat();
  for (const c of clients) {
    const option = new Option(`${c.name} — ${c.company} (${count.format(c.eventCount)})`, c.id);
    option.dataset.search = fold(`${c.name} ${c.company}`);
    clientSelect.add(option);
  }
  const params = new URLSearchParams(location.search);
  clientSelect.value = params.get('client') ?? 'karina';
  timeline.clientId = clientSelect.value;
  const config = (await (await fetch('/api/mock-config')).json()) as { latencyMs: number; failRate: number };
  latency.value = String(config.latencyMs);
  latencyValue.textContent = `${config.latencyMs} ms`;
  fail.checked = config.failRate > 0;
}

/** Case- and accent-insensitive text for matching names: "Lucía" is found by "lucia". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

// Client search by name: narrows the picker and opens the first match.
clientSearch.addEventListener('input', () => {
  const words = fold(clientSearch.value).split(/\s+/).filter(Boolean);
  let first: HTMLOptionElement | null = null;
  for (const option of clientSelect.options) {
    const match = words.every((w) => option.dataset.search?.includes(w));
    option.hidden = !match;
    option.disabled = !match;
    if (match) first ??= option;
  }
  if (first && first.value !== clientSelect.value) {
    clientSelect.value = first.value;
    clientSelect.dispatchEvent(new Event('change'));
  }
  clientSearch.setCustomValidity(first ? '' : 'No client matches');
});

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

// Every event the element fires (the manifest lists them), newest first, as the host app sees them.
const { modules } = manifest as unknown as { modules: { declarations?: { events?: { name: string }[] }[] }[] };
const EVENT_NAMES = modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.events ?? []).map((e) => e.name));
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
function summarize(detail: unknown): string {
  const text = JSON.stringify(detail, (key, value) => (value instanceof Error ? `${value.name}: ${value.message}` : key === 'invalid' && Array.isArray(value) ? `[${value.length}]` : value));
  return text && text.length > 240 ? `${text.slice(0, 240)}…` : (text ?? '');
}
for (const name of new Set(EVENT_NAMES)) {
  timeline.addEventListener(name, (e) => {
    const item = document.createElement('li');
    const detail = (e as CustomEvent).detail;
    if (name === 'timeline-error') item.className = 'error';
    item.append(`${time.format(new Date())} `, Object.assign(document.createElement('span'), { className: 'name', textContent: name }), ` ${summarize(detail)}`);
    log.prepend(item);
    while (log.children.length > 50) log.lastElementChild!.remove();
  });
}
function logLine(text: string, className = ''): void {
  const item = document.createElement('li');
  item.className = className;
  item.textContent = `${time.format(new Date())} ${text}`;
  log.prepend(item);
}
$<HTMLButtonElement>('clear-log').addEventListener('click', () => log.replaceChildren());

// Sign-out: the host app deletes what this user's session cached, then shows the timeline afresh.
$<HTMLButtonElement>('sign-out').addEventListener('click', async () => {
  const Timeline = customElements.get('client-timeline') as (CustomElementConstructor & { clearCache?: () => Promise<void> }) | undefined;
  await Timeline?.clearCache?.();
  logLine(`signed out: ${Timeline?.clearCache ? 'cache cleared' : 'no cache to clear'}`);
  timeline.reload();
});

// The host's own composer (slot="composer"): it saves the note to the server, which is all it does: the note reaches
// the element through the event stream the server's first page named (the HTTP adapter follows it).
const composer = $<HTMLFormElement>('composer');
const actionStatus = $<HTMLParagraphElement>('action-status');
composer.addEventListener('submit', async (e) => {
  e.preventDefault();
  const textarea = composer.elements.namedItem('text') as HTMLTextAreaElement;
  const button = composer.querySelector('button')!;
  button.disabled = true;
  try {
    const res = await fetch(`/api/notes?client=${encodeURIComponent(timeline.clientId ?? '')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: textarea.value }),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${((await res.json()) as { error?: string }).error ?? ''}`);
    textarea.value = '';
    actionStatus.textContent = 'Note added.';
  } catch (error) {
    actionStatus.textContent = `Could not add the note: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
  }
});

// What the user may do with an event: the element shows a ⋯ menu and reports the choice; the app does the work.
timeline.actions = (event) => {
  const category = event.type.split('.')[0];
  if (category === 'email' || category === 'chat') {
    return [
      { id: 'reply', label: 'Reply', icon: 'reply' },
      { id: 'log-call', label: 'Log a call', icon: 'phone' },
      { id: 'delete', label: 'Delete', danger: true },
    ];
  }
  if (category === 'call' || category === 'meeting') return [{ id: 'log-call', label: 'Log a call', icon: 'phone' }];
  if (category === 'note') return [{ id: 'edit', label: 'Edit', icon: 'pencil' }, { id: 'delete', label: 'Delete', danger: true }];
  return null;
};
const WOULD: Record<string, string> = { reply: 'open a reply to', 'log-call': 'log a call about', edit: 'edit', delete: 'delete (after asking)' };
timeline.addEventListener('timeline-action', (e) => {
  const { action, event } = e.detail;
  actionStatus.textContent = `The app would ${WOULD[action] ?? action} “${event.title}”.`;
});

void init();
