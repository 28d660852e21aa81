import { expect } from '@open-wc/testing';

/**
 * Fails each test of the file during which anything reached the page as an uncaught error or an unhandled promise
 * rejection: hosts report those to their error trackers, so the element must never cause one. Call it at the top
 * level of a test file. The virtualizer's benign "ResizeObserver loop" notices are not errors.
 */
export function failOnUncaught(): void {
  let seen: string[] = [];
  const onError = (e: ErrorEvent) => {
    if (/ResizeObserver loop/.test(e.message)) return;
    seen.push(`uncaught error: ${e.message}`);
  };
  const onRejection = (e: PromiseRejectionEvent) => {
    const reason = e.reason as { stack?: string } | undefined;
    seen.push(`unhandled rejection: ${reason?.stack ?? String(e.reason)}`);
  };
  beforeEach(() => {
    seen = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(async () => {
    // A rejection is reported a task after it happens.
    await new Promise((r) => setTimeout(r, 20));
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(seen, 'nothing uncaught reached the page').to.deep.equal([]);
  });
}
