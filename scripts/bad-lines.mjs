// The ✗ convention of the type tests (test/types/, test/hosts/): in a bad file, the line after each `// ✗ …` or
// `<!-- ✗ …` comment must be reported by the framework's checker, and no other line of any file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `{ file: [lines] }` of the errors in a checker's output: tsc / vue-tsc (`--pretty false`) or svelte-check
 * (`--output machine`). File names as the checker prints them (relative to its working directory), `./` dropped.
 */
function errorLines(text) {
  const errors = {};
  for (const line of text.split('\n')) {
    const m = /^(\S[^(]*?)\((\d+),\d+\): error TS\d+/.exec(line) ?? /^\d+ ERROR "([^"]+)" (\d+):\d+ /.exec(line);
    if (m) (errors[m[1].replace(/^\.\//, '')] ??= []).push(Number(m[2]));
  }
  return errors;
}

/** The lines the bad file expects an error on: each line after a `// ✗` or `<!-- ✗` comment. */
function expectedLines(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, i) => (/^\s*(\/\/|<!--) ✗ /.test(line) ? [i + 2] : []));
}

/**
 * Checks a checker's output against the bad file `bad` (a path relative to `dir`, the checker's working
 * directory): every marked line reported, no other line of it, no error in any other file. Returns a summary;
 * throws with the missed and stray lines.
 */
export function compareBadLines(text, dir, bad) {
  const errors = errorLines(text);
  const unexpected = Object.keys(errors).filter((file) => file !== bad);
  if (unexpected.length) throw new Error(`errors outside ${bad}:\n${text.split('\n').filter((l) => !l.includes(bad)).join('\n').trim().slice(0, 3000)}`);
  const expected = expectedLines(join(dir, bad));
  if (!expected.length) throw new Error(`${bad} marks no line with ✗`);
  const reported = new Set(errors[bad] ?? []);
  const missed = expected.filter((l) => !reported.has(l));
  const stray = [...reported].filter((l) => !expected.includes(l));
  if (missed.length || stray.length) {
    const source = readFileSync(join(dir, bad), 'utf8').split('\n');
    throw new Error(
      [...missed.map((l) => `not reported, line ${l}: ${source[l - 1].trim()}`), ...stray.map((l) => `reported but not marked, line ${l}: ${source[l - 1].trim()}`)].join('\n') +
        `\n${text.trim().slice(0, 2000)}`,
    );
  }
  return `${bad}: ${expected.length} of ${expected.length} bad lines reported`;
}
