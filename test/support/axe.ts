import { expect } from '@open-wc/testing';

interface AxeResult {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}
interface Axe {
  run(context: Element, options: object): Promise<{ violations: AxeResult[]; passes: AxeResult[] }>;
}

async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
  }
  return w.axe!;
}

/** axe-core on the element (it descends into the open shadow root): WCAG 2.0–2.2 A and AA plus best practices. */
export async function expectNoViolations(el: HTMLElement, state: string): Promise<void> {
  const axe = await loadAxe();
  const { violations, passes } = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // A page-level rule: the fixture page has no landmarks of its own.
    rules: { region: { enabled: false } },
    resultTypes: ['violations', 'passes'],
  });
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join('\n  ')}`);
  expect(summary, `axe violations in the ${state} state`).to.deep.equal([]);
  // The run really looked at the element's content.
  expect(passes.length, `axe checked rules in the ${state} state`).to.be.above(5);
}
