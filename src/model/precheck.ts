/**
 * A fast path in front of zod for well-formed values: `precheck(schema)` walks the schema once and returns a function
 * that gives either exactly what `z.safeParse(schema, value).data` would (a fresh object of the same keys, in the same
 * order, holding the same values), or `MISS` when it cannot tell, and then zod decides (and reports). It never rejects
 * anything itself, so what is checked and how failures read stay zod's.
 *
 * Each kind of schema it knows follows zod 4's own rules (`zod/v4/core`, schemas and checks); any other kind, check,
 * default or transform compiles to "always `MISS`". Soundness, node by node: a string, number or enum gives
 * back its input only when zod's type test and every check pass, and zod gives such a value back unchanged; an object
 * reads each key of its shape as zod does (`key in value`, `value[key]`, ordinary objects) and sets it on a fresh object
 * in the shape's order, then, for a loose object, the other keys in `for…in` order; an optional passes what is given to
 * what it wraps (an absent key is the object's business; `undefined` is zod's); an array maps its elements.
 * `test/model/precheck.test.ts` compares both on arbitrary input.
 */

/** "Not decided here": let zod parse the value. */
export const MISS: unique symbol = Symbol();

type Check = (value: unknown) => unknown;

interface Def {
  type: string;
  shape: Record<string, Node>;
  catchall?: Node;
  innerType: Node;
  element: Node;
  checks?: Node[];
  check?: string;
  format?: string;
  pattern?: RegExp;
  minimum: number;
  value: unknown;
  inclusive?: boolean;
}

interface Node {
  _zod: { def: Def; values: Set<unknown>; optin?: string; optout?: string };
}

const miss: Check = () => MISS;

/** A string's or a number's checks as one test (a string format, like `z.iso.datetime()`, is its own first check); `null` for one not known here. */
function checksOf(def: Def): ((value: never) => boolean) | null {
  const tests = [...(def.format ? [def] : []), ...(def.checks ?? []).map((c) => c._zod.def)].map(({ check, pattern, format, minimum, value, inclusive }): ((value: never) => boolean) | null =>
    check === 'string_format' && pattern && (format === 'regex' || format === 'datetime')
      ? (s: string) => ((pattern.lastIndex = 0), pattern.test(s))
      : // zod counts code points: `2 × minimum − 1` UTF-16 units hold at least `minimum` of them; fewer: not decided.
        check === 'min_length'
        ? (s: string) => s.length >= 2 * minimum - 1
        : // As zod compares.
          check === 'greater_than'
          ? (n: number) => (inclusive ? n >= (value as number) : n > (value as number))
          : null,
  );
  return tests.includes(null) ? null : (value) => tests.every((test) => test!(value));
}

function compile(node: Node): Check {
  const { def, values } = node._zod;
  const ok = checksOf(def);
  // Checks but a string's or a number's known ones are zod's. (Coercion is not: a value of the type comes out as it is.)
  if (!ok || (def.checks?.length && def.type !== 'string' && def.type !== 'number')) return miss;
  const { type } = def;
  if (type === 'string' || type === 'number') {
    return (v) => (typeof v === type && (type === 'string' || Number.isFinite(v)) && ok(v as never) ? v : MISS);
  }
  if (type === 'enum') return (v) => (values.has(v) ? v : MISS);
  if (type === 'optional') {
    // A key given as `undefined` is zod's (`z.exactOptional` rejects it, a default replaces it); an absent one is the object's.
    const inner = compile(def.innerType);
    return (v) => (v === undefined ? MISS : inner(v));
  }
  if (type === 'array') {
    const element = compile(def.element);
    return (v) => {
      if (!Array.isArray(v)) return MISS;
      const out = [];
      for (let i = 0; i < v.length; i++) {
        const r = element(v[i]);
        if (r === MISS) return MISS;
        out.push(r);
      }
      return out;
    };
  }
  const { shape, catchall } = def;
  // Strict objects and other catchalls are zod's; loose ones keep the keys they do not know.
  if (type !== 'object' || (catchall && catchall._zod.def.type !== 'unknown')) return miss;
  const keys = Reflect.ownKeys(shape) as string[];
  const known = new Set(keys);
  const fields = keys.filter((key) => key !== '__proto__').map((key) => {
    const { optin, optout } = shape[key]._zod;
    // Required, or `z.optional`: anything else (defaults, optional-in only) is left to zod.
    const optional = optin === 'optional' && optout === 'optional';
    return [key, optional, optin && !optional ? miss : compile(shape[key])] as const;
  });
  return (v) => {
    if (typeof v !== 'object' || !v || Array.isArray(v)) return MISS;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, optional, check] of fields) {
      // An absent optional key is left out; an absent required one fails in zod.
      if (!(key in input)) {
        if (optional) continue;
        return MISS;
      }
      const r = check(input[key]);
      if (r === MISS) return MISS;
      out[key] = r;
    }
    if (catchall) for (const key in input) if (!known.has(key) && key !== '__proto__') out[key] = input[key];
    return out;
  };
}

/** The fast path for `schema` (see above). */
export const precheck = compile as unknown as <T>(schema: unknown) => (value: unknown) => T | typeof MISS;
