// @ts-check
/**
 * What only a demo or test server needs in front of the reference handler (Node built-ins only, plain ESM, so that
 * .mjs configs and scripts import it as it is):
 *
 *   GET  {base}avatars/<name>.svg, {base}recordings/<name>.wav?seconds=, {base}files/<client>/<name>
 *        → the generated media the seeded events link to (`serveMedia`, also on its own)
 *   GET  {base}not-json               → 200 text/html "<html>oops</html>"
 *   GET  {base}status/<code>          → that status (200–599) with `{ error, status }`; 429 and 503 with Retry-After: 1
 *   GET  {base}mock-config            → { latencyMs, failRate }
 *   POST {base}mock-config            ← { latencyMs?, failRate? } (validated: 400 when out of range)
 *
 * and the latency and failure gate (`gate`): the switches of `config` (mutable, and through `mock-config`), and per
 * request `latency=<ms>` and `fail=1|0`. A request whose client goes away during the wait is counted as aborted and
 * nothing is written; an injected failure is a 503 `{ "error": "Injected failure" }` with Retry-After: 1.
 */

import { STATUS_CODES } from 'node:http';
import { hashString } from './seed-data.mjs';

/**
 * @typedef {import('node:http').IncomingMessage & { originalUrl?: string, body?: unknown }} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {(error?: unknown) => void} Next
 *
 * @typedef {object} FaultOptions
 * @property {string} [base='/api/'] the prefix of the endpoints
 * @property {number} [latencyMs=0] delay before each gated response
 * @property {number} [failRate=0] fraction (0..1) of gated requests answered with a 503
 * @property {number} [seed] seed of the failure dice: the same sequence of requests fails the same way on every run
 *
 * @typedef {{ latencyMs: number, failRate: number }} FaultConfig
 * @typedef {{ aborted: number, failed: number }} FaultStats
 */

const JSON_TYPE = 'application/json; charset=utf-8';
const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * @param {Res} res @param {number} status @param {string | Buffer} data
 * @param {Record<string, string | number>} headers
 */
function send(res, status, data, headers) {
  if (res.writableEnded || res.destroyed || res.headersSent) return;
  res.writeHead(status, { ...BASE_HEADERS, ...headers, 'Content-Length': Buffer.byteLength(data) });
  res.end(data);
}

/**
 * A JSON answer, with the headers every demo answer carries.
 * @param {Res} res @param {number} status @param {unknown} body
 * @param {Record<string, string | number>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  send(res, status, JSON.stringify(body), { 'Content-Type': JSON_TYPE, ...headers });
}

/**
 * A request's JSON body (`{}` when empty); a 400 when it is not JSON, a 413 past 64 KiB.
 * @param {Req} req
 * @returns {Promise<unknown>}
 */
export async function readJsonBody(req) {
  /** @param {string} text */
  const parse = (text) => {
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'Body is not valid JSON');
    }
  };
  if (req.body !== undefined) {
    // A body parser ran before us.
    if (typeof req.body === 'string') return parse(req.body);
    if (Buffer.isBuffer(req.body)) return parse(req.body.toString('utf8'));
    return req.body;
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new HttpError(413, 'Body too large');
    chunks.push(chunk);
  }
  return parse(Buffer.concat(chunks).toString('utf8'));
}

/** @param {unknown} error @param {Res} res @returns {boolean} whether it was an expected error, now answered */
export function answerHttpError(error, res) {
  if (!(error instanceof HttpError)) return false;
  sendJson(res, error.status, { error: error.message });
  return true;
}

/** @param {Req} req @param {Res} res */
function isGone(req, res) {
  return !res.writableEnded && (res.destroyed || req.socket?.destroyed === true);
}

/**
 * Waits `ms`, resolving `true` early if the client goes away, so that nothing is written to a dead response.
 * @param {number} ms @param {Req} req @param {Res} res
 * @returns {Promise<boolean>} aborted
 */
function delay(ms, req, res) {
  if (isGone(req, res)) return Promise.resolve(true);
  if (!(ms > 0)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (/** @type {boolean} */ aborted) => {
      clearTimeout(timer);
      req.off('close', onClose);
      res.off('close', onClose);
      resolve(aborted);
    };
    const onClose = () => {
      if (isGone(req, res)) finish(true);
    };
    const timer = setTimeout(() => finish(isGone(req, res)), ms);
    req.on('close', onClose);
    res.on('close', onClose);
  });
}

/* ────────────────────────────────────────────────────────────────────────────
 * Generated media (so avatars, audio players and attachment links work)
 * ──────────────────────────────────────────────────────────────────────────── */

/** @param {string} name slug such as "ana-rojas" */
function avatarSvg(name) {
  const parts = name.split('-').filter(Boolean);
  const initials = ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
  const hue = hashString(name) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="hsl(${hue} 55% 42%)"/><text x="32" y="33" fill="#fff" font-family="system-ui, sans-serif" font-size="26" font-weight="600" text-anchor="middle" dominant-baseline="middle">${initials.replace(/[^A-Z0-9]/g, '')}</text></svg>`;
}

/** @param {string} label */
function placeholderImageSvg(label) {
  const text = label.replace(/[<>&"]/g, '');
  const hue = hashString(label) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200"><rect width="320" height="200" fill="hsl(${hue} 30% 85%)"/><path d="M0 160 L90 90 L150 140 L210 80 L320 170 L320 200 L0 200 Z" fill="hsl(${hue} 35% 60%)"/><text x="160" y="30" font-family="system-ui, sans-serif" font-size="14" text-anchor="middle" fill="#333">${text}</text></svg>`;
}

/** @type {Map<number, Buffer>} */
const wavCache = new Map();

/**
 * A few seconds of a soft, speech-like warble: 8 kHz, 8-bit mono PCM WAV.
 * @param {number} seconds
 */
function wav(seconds) {
  let buf = wavCache.get(seconds);
  if (buf) return buf;
  const rate = 8000;
  const n = rate * seconds;
  buf = Buffer.alloc(44 + n);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + n, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate, 28);
  buf.writeUInt16LE(1, 32);
  buf.writeUInt16LE(8, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(n, 40);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const syllable = Math.max(0, Math.sin(Math.PI * 3.1 * t)) ** 2; // ~3 "syllables" a second
    const pitch = 170 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    const fade = Math.min(1, t * 8, (seconds - t) * 8);
    const v = 0.35 * fade * syllable * (Math.sin(2 * Math.PI * pitch * t) + 0.4 * Math.sin(4 * Math.PI * pitch * t));
    buf[44 + i] = Math.max(0, Math.min(255, Math.round(128 + 127 * v)));
  }
  wavCache.set(seconds, buf);
  return buf;
}

/**
 * The media route under the base (`avatars/…`, `recordings/…`, `files/…`), or null.
 * @param {string} route @param {URLSearchParams} sp
 * @returns {{ status: number, data: string | Buffer, headers: Record<string, string>, recording: boolean } | null}
 */
function media(route, sp) {
  const avatar = /^avatars\/([a-z0-9-]+)\.svg$/.exec(route);
  if (avatar) return { status: 200, data: avatarSvg(avatar[1]), headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' }, recording: false };
  if (/^recordings\/[\w.-]+\.wav$/.test(route)) {
    const seconds = Math.max(1, Math.min(10, Math.round(Number(sp.get('seconds') ?? 3)) || 3));
    return { status: 200, data: wav(seconds), headers: { 'Content-Type': 'audio/wav', 'Cache-Control': 'public, max-age=3600' }, recording: true };
  }
  const file = /^files\/([\w-]+)\/(.+)$/.exec(route);
  if (!file) return null;
  let name;
  try {
    name = decodeURIComponent(file[2]);
  } catch {
    throw new HttpError(400, 'Bad file name');
  }
  const disposition = `inline; filename*=UTF-8''${encodeURIComponent(name)}`;
  if (/\.(png|jpe?g|gif|webp)$/i.test(name)) return { status: 200, data: placeholderImageSvg(name), headers: { 'Content-Type': 'image/svg+xml', 'Content-Disposition': disposition }, recording: false };
  return {
    status: 200,
    data: `Placeholder file "${name}" of client "${file[1]}".\nThe demo does not store real documents.\n`,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': disposition },
    recording: false,
  };
}

/**
 * @param {string} base
 */
function normalizeBase(base) {
  let b = base.trim() || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

/** @param {Req} req @param {string} base @returns {URL | null} the request's URL when it is under `base` */
function under(req, base) {
  try {
    const url = new URL(req.originalUrl ?? req.url ?? '/', 'http://demo.invalid');
    return url.pathname.startsWith(base) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Only the generated media, under `/api/` (Storybook's dev server): connect-style, anything else goes to `next()`.
 * @param {Req} req @param {Res} res @param {Next} next
 */
export function serveMedia(req, res, next) {
  const url = under(req, '/api/');
  const method = req.method ?? 'GET';
  try {
    const found = url && (method === 'GET' || method === 'HEAD') ? media(url.pathname.slice('/api/'.length), url.searchParams) : null;
    if (!found) return next();
    send(res, found.status, found.data, found.headers);
  } catch (error) {
    if (!answerHttpError(error, res)) next(error);
  }
}

/** @param {unknown} v */
function checkLatency(v) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 120_000) throw new HttpError(400, '"latencyMs" must be a number between 0 and 120000');
  return Math.round(v);
}
/** @param {unknown} v */
function checkFailRate(v) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) throw new HttpError(400, '"failRate" must be a number between 0 and 1');
  return v;
}

/**
 * The demo's latency and failure switches, its fault endpoints and its media.
 * @param {FaultOptions} [options]
 */
export function createFaults(options = {}) {
  const base = normalizeBase(options.base ?? '/api/');
  /** @type {FaultConfig} */
  const config = { latencyMs: checkLatency(options.latencyMs ?? 0), failRate: checkFailRate(options.failRate ?? 0) };
  /** @type {FaultStats} */
  const stats = { aborted: 0, failed: 0 };
  // Failure dice: seeded, so a given request sequence fails the same way every run.
  let dice = ((options.seed ?? 20261113) ^ 0xfa11ed) >>> 0;
  const roll = () => {
    dice = (dice + 0x6d2b79f5) >>> 0;
    let t = dice;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /**
   * Latency and failure for one request: `latency=<ms>` and `fail=1|0` override the switches, which apply only
   * with `globals` (data requests; the fault endpoints and recordings take the per-request overrides only).
   * Resolves false when the response is already dealt with (failed, malformed, or its client went away).
   * @param {Req} req @param {Res} res @param {{ globals?: boolean }} [how]
   * @returns {Promise<boolean>}
   */
  async function gate(req, res, { globals = true } = {}) {
    const sp = new URL(req.originalUrl ?? req.url ?? '/', 'http://demo.invalid').searchParams;
    const rawLatency = sp.get('latency');
    let latency = globals ? config.latencyMs : 0;
    if (rawLatency != null && rawLatency !== '') {
      const n = Number(rawLatency);
      if (!Number.isFinite(n) || n < 0) {
        sendJson(res, 400, { error: `Invalid "latency": "${rawLatency}"` });
        return false;
      }
      latency = Math.min(n, 120_000);
    }
    const rawFail = sp.get('fail');
    const fail =
      rawFail === '1' || rawFail === 'true' ? true : rawFail === '0' || rawFail === 'false' ? false : globals && config.failRate > 0 && roll() < config.failRate;
    if (await delay(latency, req, res)) {
      stats.aborted++;
      return false;
    }
    if (fail) {
      stats.failed++;
      sendJson(res, 503, { error: 'Injected failure' }, { 'Retry-After': 1 });
      return false;
    }
    return true;
  }

  /**
   * The fault endpoints, `mock-config` and the media, connect-style: anything else goes to `next()`.
   * @param {Req} req @param {Res} res @param {Next} next
   * @returns {Promise<void>}
   */
  async function handle(req, res, next) {
    const url = under(req, base);
    if (!url) return next();
    const route = url.pathname.slice(base.length);
    const method = req.method ?? 'GET';
    const isGet = method === 'GET' || method === 'HEAD';
    try {
      if (route === 'mock-config') {
        if (method === 'POST') {
          const body = await readJsonBody(req);
          if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Expected a JSON object');
          const patch = /** @type {Record<string, unknown>} */ (body);
          // Both checked before either changes.
          const latencyMs = 'latencyMs' in patch ? checkLatency(patch.latencyMs) : config.latencyMs;
          const failRate = 'failRate' in patch ? checkFailRate(patch.failRate) : config.failRate;
          Object.assign(config, { latencyMs, failRate });
        } else if (!isGet) throw new HttpError(405, 'Use GET or POST');
        return sendJson(res, 200, { latencyMs: config.latencyMs, failRate: config.failRate });
      }
      if (route === 'not-json') {
        if (await gate(req, res, { globals: false })) send(res, 200, '<html>oops</html>', { 'Content-Type': 'text/html; charset=utf-8' });
        return;
      }
      const status = /^status\/(\d{3})$/.exec(route);
      if (status) {
        const code = Number(status[1]);
        if (code < 200 || code > 599) throw new HttpError(400, 'Status must be between 200 and 599');
        if (!(await gate(req, res, { globals: false }))) return;
        /** @type {Record<string, number>} */
        const extra = code === 429 || code === 503 ? { 'Retry-After': 1 } : {};
        return sendJson(res, code, { error: STATUS_CODES[code] ?? `Status ${code}`, status: code }, extra);
      }
      const found = isGet ? media(route, url.searchParams) : null;
      if (!found) return next();
      if (found.recording && !(await gate(req, res, { globals: false }))) return;
      send(res, found.status, found.data, found.headers);
    } catch (error) {
      if (!answerHttpError(error, res)) next(error);
    }
  }

  return { base, config, stats, gate, handle };
}
