// A tiny check list for the node-side test scripts: one line per check, a closing `N passed, M failed`.
export function createChecks() {
  const counts = { passed: 0, failed: 0 };
  /** Runs one named check; `fn` may return a detail to print after the name. */
  async function check(name, fn) {
    try {
      const detail = await fn();
      counts.passed++;
      console.log(`✓ ${name}${detail ? `: ${detail}` : ''}`);
    } catch (error) {
      fail(`${name}\n    ${String(error?.message ?? error).split('\n').slice(0, 8).join('\n    ')}`);
    }
  }
  /** Counts a failure that happened outside a check (e.g. a setup step). */
  function fail(message) {
    counts.failed++;
    console.log(`✗ ${message}`);
  }
  /** Prints the closing line and exits: 1 when anything failed. */
  function finish() {
    console.log(`${counts.passed} passed, ${counts.failed} failed`);
    process.exit(counts.failed ? 1 : 0);
  }
  return { check, fail, finish, counts };
}
