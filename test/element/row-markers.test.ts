import { expect } from '@open-wc/testing';
import { articles, mount, rendered, scroller, settle } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

// lit-html 3.3.1–3.3.3 leave a row's end marker (an empty comment) behind whenever `repeat` removes the row
// (lit/lit#5298): a list that drops and adds rows as it scrolls would fill with them. `npm test` runs this file
// twice, against the lit-html the package installs (3.3.3) and against 3.3.0 (`web-test-runner.config.mjs`, group
// `lit-html-3.3.0`, an import map onto the `lit-html-3.3.0` copy).

declare global {
  interface Window {
    /** The lit-html release the test page is for (web-test-runner.config.mjs). */
    __expectedLitHtml?: string;
    litHtmlVersions?: string[];
  }
}

/** The list's own child nodes: rows (elements) and the comment markers that delimit them. */
function listNodes(box: HTMLElement): { rows: number; comments: number } {
  let rows = 0;
  let comments = 0;
  for (const node of box.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE) rows++;
    else if (node.nodeType === Node.COMMENT_NODE) comments++;
  }
  return { rows, comments };
}

describe('the list leaves no marker behind', () => {
  it('runs on a single copy of lit-html (the one this run is for)', () => {
    const versions = window.litHtmlVersions ?? [];
    expect(versions, 'lit-html copies loaded').to.have.length(1);
    expect(versions[0]).to.equal(window.__expectedLitHtml);
  });

  it('keeps two markers per row while a reading scroll goes down and back up, again and again', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3_000)), pageSize: 3_000, height: 600 });
    await rendered(el, 5);
    const box = scroller(el);
    const step = async (top: number) => {
      box.scrollTop = top;
      await settle(el);
      return listNodes(box);
    };
    const start = listNodes(box);
    // Each row is its part's start marker, its content and its end marker, plus the list part's own two.
    expect(start.comments).to.be.at.most(2 * start.rows + 2);
    let removed = 0;
    for (let round = 0; round < 2; round++) {
      for (const dir of [1, -1]) {
        for (let i = 0; i < 8; i++) {
          const before = new Set(articles(el));
          const nodes = await step(box.scrollTop + dir * box.clientHeight * 0.8);
          removed += [...before].filter((row) => !row.isConnected).length;
          expect(nodes.comments, `markers after a step (${nodes.rows} nodes for rows)`).to.be.at.most(2 * nodes.rows + 2);
        }
      }
    }
    // The scroll did replace rows, many times over: a leak would have shown.
    expect(removed).to.be.greaterThan(100);
  });

  it('leaves no nodes behind in the list while scrolling replaces every row', async () => {
    // Every jump replaces all rendered rows: the list's own child nodes (rows and Lit's part markers) must stay
    // as many as after the first jump, not grow with each.
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(20_000)), pageSize: 20_000, height: 600 });
    await rendered(el, 5);
    const box = scroller(el);
    const nodesAfterJump = async (fraction: number) => {
      box.scrollTop = box.scrollHeight * fraction;
      await settle(el);
      return box.childNodes.length;
    };
    const first = await nodesAfterJump(0.1);
    let last = first;
    for (let i = 2; i <= 12; i++) last = await nodesAfterJump(i / 13);
    expect(articles(el).length).to.be.lessThan(60);
    expect(last).to.be.at.most(first + 10);
  });
});
