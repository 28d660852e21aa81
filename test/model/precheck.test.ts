/**
 * The fast path in front of zod (`precheck`) against zod itself, on arbitrary input: whenever it decides, zod accepts
 * the value too and gives the same output (same keys, same order, same values); `parseEvents` as a whole gives what
 * zod alone gives, reports included.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { parseEvents, timelineEventSchema, type InvalidEvent } from '../../src/model/event.js';
import { MISS, precheck } from '../../src/model/precheck.js';
import { makeEvents } from '../support/events.js';

/** A value as nested `[key, value]` lists, so that key order, `undefined`, `-0` and holes all count. */
function canon(value: unknown): unknown {
  if (value === undefined) return '(undefined)';
  if (typeof value === 'number') return Object.is(value, -0) ? '(-0)' : Number.isNaN(value) ? '(NaN)' : value;
  if (typeof value === 'bigint' || typeof value === 'symbol') return `(${String(value)})`;
  if (typeof value === 'function') return '(function)';
  if (Array.isArray(value)) return ['(array)', Array.from({ length: value.length }, (_, i) => (i in value ? canon(value[i]) : '(hole)'))];
  if (value && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    const kind = proto === Object.prototype ? '(object)' : proto === null ? '(null prototype)' : '(other prototype)';
    return [kind, Object.keys(value).map((key) => [key, canon((value as Record<string, unknown>)[key])])];
  }
  return value;
}

/** What `parseEvents` gave before the fast path: zod alone, with `time` added. */
function zodOnly(raw: readonly unknown[]) {
  const items: unknown[] = [];
  const invalid: InvalidEvent[] = [];
  raw.forEach((value, index) => {
    const result = z.safeParse(timelineEventSchema, value);
    if (result.success) {
      items.push({ ...result.data, time: Date.parse(result.data.occurredAt) });
    } else {
      const id = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
      invalid.push({ index, id, problems: result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(event)'}: ${issue.message}`) });
    }
  });
  return { items, invalid };
}

/** Checks one value: returns whether the fast path decided. */
function agrees(check: (value: unknown) => unknown, schema: z.ZodMiniType, value: unknown): boolean {
  const fast = check(value);
  const slow = z.safeParse(schema, value);
  if (fast === MISS) return false;
  expect(slow.success, 'the fast path accepted a value zod rejects').to.equal(true);
  expect(canon(fast)).to.deep.equal(canon(slow.data));
  if (value && typeof value === 'object') expect(fast === value, 'a fresh object, not the input').to.equal(false);
  return true;
}

// ── Values near the schema: mostly well-formed, any field at times anything ──────────────────────────────────────

const odd = fc.oneof(
  fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withObjectString: true }),
  fc.constantFrom(undefined, null, '', 'x', -0, 0, -1, NaN, Infinity, -Infinity, 1e308, true, false, [], {}, '\uD83D', '\uD83D\uDE00', 'ab'),
);
/** A field's value: a likely one, or anything. */
const maybe = <T>(likely: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: likely }, { weight: 1, arbitrary: odd });
/** Mostly one of `good`, at times one of `bad`. */
const mostly = <T>(good: T[], bad: T[]) => fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
const text = fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) }, fc.constantFrom('', 'a', '\uD83D\uDE00', '\uDE00', 'é'));
const datetime = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()) },
  fc.date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-11-23T12:00:00Z', '2026-11-23T12:00:00+02:00', '2026-11-23T12:00:00', '2026-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '2026-11-23', '2026-11-23T12:00:00.123456789-05:30', '2026-11-23T24:00:00Z'),
);
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0, -1, 1));
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
/** A record of `model`'s keys, each present or not, in any order, with a few unknown keys besides. */
function objectOf(model: Record<string, fc.Arbitrary<unknown>>, required: string[] = []): fc.Arbitrary<unknown> {
  const keys = Object.keys(model);
  return fc
    .tuple(
      fc.record(model, { requiredKeys: required }),
      fc.dictionary(fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 4 }) }, fc.constantFrom('__proto__', 'constructor', 'toString', '1'), fc.constantFrom(...keys)), odd, { maxKeys: 2 }),
      fc.boolean(),
      fc.boolean(),
      fc.integer(),
    )
    .map(([known, extra, shuffle, viaJson, seed]) => {
      const entries = Object.entries(known);
      if (shuffle) entries.sort(() => (seed = (seed * 1103515245 + 12345) | 0) & 1 ? 1 : -1);
      const out: Record<string, unknown> = Object.fromEntries(entries);
      for (const [key, value] of Object.entries(extra)) if (!(key in model) || viaJson) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      if (!viaJson) return out;
      // Through JSON, as a data source sends it: an own `__proto__`, no undefined.
      try {
        return JSON.parse(JSON.stringify(out)) as unknown;
      } catch {
        return out;
      }
    });
}

const author = maybe(objectOf({ name: maybe(text), id: maybe(text), avatarUrl: maybe(text) }, ['name']));
const currency = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('USD', 'crc') }, fc.constantFrom('US', 'USDX', 'U$D'), text);
const change = objectOf({ field: maybe(text), from: maybe(scalar), to: maybe(scalar), kind: maybe(mostly(['date', 'money', 'number', 'text'], ['other'])), currency: maybe(currency) }, ['field']);
const attachment = objectOf({ name: maybe(text), url: maybe(text), size: maybe(number), mimeType: maybe(text) }, ['name']);
const array = <T>(of: fc.Arbitrary<T>) => maybe(fc.oneof({ weight: 6, arbitrary: fc.array(of, { maxLength: 3 }) }, fc.sparseArray(of, { maxLength: 3 })));
const detail = maybe(
  objectOf({
    body: maybe(text),
    bodyFormat: maybe(mostly(['text', 'html'], ['markdown'])),
    subject: maybe(text),
    to: array(maybe(text)),
    cc: array(maybe(text)),
    direction: maybe(mostly(['inbound', 'outbound'], ['sideways'])),
    durationSeconds: maybe(number),
    amount: maybe(objectOf({ value: maybe(number), currency: maybe(currency) }, ['value', 'currency'])),
    changes: array(change),
    attachments: array(attachment),
    threadId: maybe(text),
    editedAt: maybe(text),
    quantity: maybe(number),
  }),
);
const event = objectOf(
  {
    id: maybe(text),
    type: maybe(fc.oneof(fc.constantFrom('email.sent', 'note.added'), text)),
    occurredAt: maybe(datetime),
    title: maybe(text),
    author,
    summary: maybe(text),
    status: maybe(text),
    tone: maybe(mostly(['failed', 'success', 'warning', 'neutral'], ['loud'])),
    visibility: maybe(text),
    record: maybe(objectOf({ id: maybe(text), type: maybe(text), label: maybe(text) }, ['id'])),
    detail,
  },
  ['id', 'type', 'occurredAt', 'title'],
);
/** Sometimes the event's keys come from its prototype. */
const anyEvent = fc.oneof({ weight: 8, arbitrary: event }, { weight: 1, arbitrary: event.map((e) => (e && typeof e === 'object' ? Object.create(e) : e)) }, { weight: 1, arbitrary: odd });

describe('precheck: the fast path in front of zod', () => {
  const wellFormed = precheck(timelineEventSchema);

  it('takes the common well-formed events', () => {
    for (const value of makeEvents(200)) expect(wellFormed(value) !== MISS).to.equal(true);
  });

  it('decides only values zod accepts, and gives zod\'s output for them', () => {
    let decided = 0;
    let runs = 0;
    fc.assert(
      fc.property(anyEvent, (value) => {
        runs++;
        if (agrees(wellFormed, timelineEventSchema, value)) decided++;
      }),
      { numRuns: 4000 },
    );
    // Not vacuous: a fair share of the values took the fast path.
    expect(decided, `${decided} of ${runs} decided`).to.be.above(runs / 10);
  });

  it('parseEvents gives what zod alone gives: the same items, and the same reports of the same invalid events', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(anyEvent, { maxLength: 12 }), fc.sparseArray(anyEvent, { maxLength: 12 })), (raw) => {
        const got = parseEvents(raw);
        const want = zodOnly(raw);
        expect(canon(got.items)).to.deep.equal(canon(want.items));
        expect(got.invalid).to.deep.equal(want.invalid);
      }),
      { numRuns: 1000 },
    );
  });

  it('other kinds of schema: never decides a value otherwise than zod (strict, coerced, defaulted, unions, checks)', () => {
    const schemas: z.ZodMiniType[] = [
      z.strictObject({ a: z.string() }),
      z.object({ a: z._default(z.string(), 'd'), b: z.optional(z.number().check(z.lt(3))), c: z.number().check(z.lte(2), z.gt(-1)) }),
      z.union([z.coerce.string(), z.number()]),
      z.coerce.string(),
      z.coerce.number().check(z.gte(0)),
      z.object({ s: z.coerce.string(), n: z.optional(z.coerce.number()) }),
      z.union([z.number(), z.string()]),
      z.union([z.string(), z.object({ a: z.string() })]),
      z.array(z.string().check(z.minLength(2))),
      z.array(z.number()).check(z.minLength(1)),
      z.string().check(z.trim()),
      z.string().check(z.minLength(3), z.regex(/^a/)),
      z.looseObject({ a: z.optional(z.unknown()), b: z.boolean(), n: z.null() }),
      z.object({ e: z.exactOptional(z.string()), s: z.optional(z._default(z.string(), 'x')) }),
      z.int(),
      z.iso.date(),
      z.email(),
    ];
    for (const schema of schemas) {
      const check = precheck(schema);
      fc.assert(
        fc.property(fc.oneof(odd, fc.record({ a: odd, b: odd, c: odd, e: odd, s: odd, n: odd }, { requiredKeys: [] }), fc.array(odd), fc.string(), number), (value) => {
          agrees(check, schema, value);
        }),
        { numRuns: 300 },
      );
    }
  });
});
