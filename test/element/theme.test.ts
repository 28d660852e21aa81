import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { styles as mainStyles } from '../../src/client-timeline.styles.js';
import { detailStyles } from '../../src/render/detail.styles.js';
import { panelStyles } from '../../src/render/filter-panels.styles.js';
import { recordsStyles } from '../../src/render/records.styles.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { backgroundOf, contrast, contrastFailures, foregroundOf, parseColor, ratio } from '../support/contrast.js';
import { articles, mount, rendered, scroller, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';
import { showcaseEvents } from '../support/showcase.js';

interface CssProperty {
  name: string;
  default?: string;
  description?: string;
}

async function documentedTokens(): Promise<CssProperty[]> {
  const manifest = await (await fetch('/custom-elements.json')).json();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === 'client-timeline') return declaration.cssProperties ?? [];
    }
  }
  throw new Error('client-timeline is not in custom-elements.json');
}

/** Every part's stylesheet: the element's own, and those that come with lazily loaded chunks (the detail, the panels, the records). */
const styles = [...mainStyles, detailStyles, panelStyles, recordsStyles];

/** The rules of every part's stylesheet. */
const allRules = () => styles.flatMap((part) => [...part.styleSheet!.cssRules]);

/** The stylesheets' text, media blocks included. */
const sheetText = () => allRules().map((r) => r.cssText).join('\n');

/** Public tokens the styles read: `var(--ct-x`. */
const usedTokens = () => new Set([...sheetText().matchAll(/var\((--ct-[a-z0-9-]+)/g)].map((m) => m[1]));

const THEMES = ['neutral', 'ops-console', 'warm-brand'] as const;

async function loadTheme(name: string): Promise<HTMLStyleElement> {
  const css = await (await fetch(`/themes/${name}.css`)).text();
  const style = document.createElement('style');
  style.dataset.theme = name;
  style.textContent = css;
  document.head.append(style);
  return style;
}

/** Renders the showcase history with one row expanded and an older page failing (status bar), so every colour is on screen. */
async function showcase(setup?: (el: ClientTimeline) => void): Promise<ClientTimeline> {
  const el = await mount({ adapter: new ScriptedAdapter(showcaseEvents()), height: 900 });
  setup?.(el);
  await rendered(el, 8);
  articles(el)[0].querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
  await settle(el);
  return el;
}

function expectAA(el: ClientTimeline, label: string): void {
  const failures = contrastFailures(shadow(el));
  expect(failures, `${label}: ${JSON.stringify(failures, null, 1)}`).to.deep.equal([]);
  // Non-text: the focus ring must stand out from the surface (3:1).
  const host = getComputedStyle(el);
  const focus = parseColor(host.getPropertyValue('--ct-focus').trim() ? toRgb(host.getPropertyValue('--ct-focus')) : toRgb(host.getPropertyValue('--_ct-focus')));
  expect(contrast(focus, backgroundOf(el)), `${label}: focus ring`).to.be.at.least(3);
}

/** A token value as the browser computes it as a colour. */
function toRgb(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value.trim();
  document.body.append(probe);
  const rgb = getComputedStyle(probe).color;
  probe.remove();
  return rgb;
}

describe('theming', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    document.querySelectorAll('style[data-theme]').forEach((s) => s.remove());
  });

  it('documents every --ct-* token the styles use, uses every documented one, and documents the real defaults', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const documented = await documentedTokens();
    const names = new Set(documented.map((p) => p.name));
    const used = usedTokens();
    expect([...used].filter((t) => !names.has(t)), 'used in the styles, not documented with @cssprop').to.deep.equal([]);
    expect([...names].filter((t) => !used.has(t)), 'documented with @cssprop, not used in the styles').to.deep.equal([]);
    const el = await mount({ adapter: new ScriptedAdapter([]) });
    const host = getComputedStyle(el);
    for (const { name, default: value } of documented) {
      expect(value, `${name} has a documented default`).to.be.a('string').and.not.equal('');
      if (name === '--ct-font-family') continue; // applied in place: `inherit`
      expect(host.getPropertyValue(name.replace('--ct-', '--_ct-')).trim(), `${name}: documented default`).to.equal(value);
    }
  });

  it('has no literal colour outside the private token defaults (print aside)', () => {
    const offenders: string[] = [];
    const visit = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) {
          if (!/print/.test(rule.conditionText)) visit(rule.cssRules);
          continue;
        }
        const text = rule.cssText.replace(/--_ct-[\w-]+\s*:[^;]+;/g, '');
        const found = text.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?<![-\w.])(?:white|black|red|green|blue|gray|grey|yellow|orange|purple)\b(?![-\w])/gi);
        if (found) offenders.push(`${rule.cssText.slice(0, 80)}… → ${found.join(', ')}`);
      }
    };
    for (const part of styles) visit(part.styleSheet!.cssRules);
    expect(offenders).to.deep.equal([]);
  });

  it('meets WCAG AA for every text and icon in the light defaults', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await showcase();
    expect(parseColor(getComputedStyle(el).backgroundColor)).to.deep.equal([255, 255, 255, 1]);
    expectAA(el, 'light');
  });

  it('turns dark with theme="dark", and meets WCAG AA there too', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await showcase((e) => e.setAttribute('theme', 'dark'));
    expect(parseColor(getComputedStyle(el).backgroundColor)).to.deep.equal([13, 17, 23, 1]);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expectAA(el, 'dark (attribute)');
  });

  it('follows prefers-color-scheme unless theme="light" is set', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await showcase();
    expect(parseColor(getComputedStyle(el).backgroundColor)).to.deep.equal([13, 17, 23, 1]);
    expectAA(el, 'dark (media)');
    el.theme = 'light';
    await settle(el);
    expect(el.getAttribute('theme')).to.equal('light');
    expect(parseColor(getComputedStyle(el).backgroundColor)).to.deep.equal([255, 255, 255, 1]);
    await emulateMedia({ colorScheme: 'light' });
    el.theme = null;
    await settle(el);
    expect(parseColor(getComputedStyle(el).backgroundColor)).to.deep.equal([255, 255, 255, 1]);
  });

  it('lets the host override tokens in light and in dark, and they change the rendered colours', async () => {
    const el = await showcase();
    const [first] = articles(el);
    el.style.setProperty('--ct-surface', 'rgb(1, 2, 3)');
    el.style.setProperty('--ct-text', 'rgb(250, 240, 230)');
    el.style.setProperty('--ct-cat-email', 'rgb(10, 200, 30)');
    el.style.setProperty('--ct-status-blue', 'rgb(200, 210, 255)');
    el.style.setProperty('--ct-row-padding', '3px 5px');
    el.style.setProperty('--ct-icon-box', '40px');
    el.style.setProperty('--ct-radius', '0px');
    await settle(el);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(first.querySelector('[part="title"]')!).color).to.equal('rgb(250, 240, 230)');
    expect(getComputedStyle(first.querySelector('[part="icon"]')!).color).to.equal('rgb(10, 200, 30)');
    expect(getComputedStyle(first.querySelector('[part="status"]')!).color).to.equal('rgb(200, 210, 255)');
    expect(getComputedStyle(first).padding).to.equal('3px 5px');
    expect(first.querySelector('[part="icon"]')!.getBoundingClientRect().width).to.equal(40);
    expect(getComputedStyle(el).borderRadius).to.equal('0px');
    // The same overrides hold in dark.
    el.setAttribute('theme', 'dark');
    await settle(el);
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(articles(el)[0].querySelector('[part="icon"]')!).color).to.equal('rgb(10, 200, 30)');
    // Unset tokens take the dark defaults.
    expect(getComputedStyle(articles(el)[1].querySelector('[part="icon"]')!).color).to.equal('rgb(248, 81, 73)');
  });

  it('colours each category by its --ct-cat-<key> token and each tone by its token', async () => {
    const el = await showcase();
    const keys = ['email', 'call', 'meeting', 'task', 'note', 'deal', 'billing', 'file', 'chat', 'update', 'other'];
    keys.forEach((key, i) => el.style.setProperty(`--ct-cat-${key}`, `rgb(${i + 1}, 0, 0)`));
    el.style.setProperty('--ct-failed', 'rgb(0, 0, 99)');
    el.style.setProperty('--ct-success', 'rgb(0, 0, 98)');
    el.style.setProperty('--ct-warning', 'rgb(0, 0, 97)');
    await settle(el);
    for (const row of articles(el)) {
      const color = getComputedStyle(row.querySelector('[part="icon"]')!).color;
      if (row.classList.contains('tone-failed')) expect(color).to.equal('rgb(0, 0, 99)');
      else expect(color, row.dataset.category).to.equal(`rgb(${keys.indexOf(row.dataset.category!) + 1}, 0, 0)`);
      const tone = row.querySelector('[part="tone"]');
      if (tone) {
        const want = { 'tone-failed': 'rgb(0, 0, 99)', 'tone-success': 'rgb(0, 0, 98)', 'tone-warning': 'rgb(0, 0, 97)' };
        const cls = Object.keys(want).find((c) => row.classList.contains(c)) as keyof typeof want;
        expect(getComputedStyle(tone).color).to.equal(want[cls]);
      }
    }
  });

  it('inherits the host page font by default, and takes --ct-font-family', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.fontFamily = '"Courier New", monospace';
    document.body.append(wrapper);
    try {
      const el = document.createElement('client-timeline');
      el.adapter = new ScriptedAdapter(makeEvents(2));
      el.clientId = 'c1';
      el.setAttribute('cache', 'none');
      wrapper.append(el);
      const [row] = await rendered(el, 1);
      expect(getComputedStyle(row.querySelector('[part="title"]')!).fontFamily).to.equal('"Courier New", monospace');
      el.style.setProperty('--ct-font-family', 'Georgia, serif');
      await settle(el);
      expect(getComputedStyle(row.querySelector('[part="title"]')!).fontFamily).to.equal('Georgia, serif');
    } finally {
      wrapper.remove();
    }
  });

  it('density="compact" tightens rows; tokens still win', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(20)) });
    const [row] = await rendered(el, 5);
    const comfortable = row.getBoundingClientRect().height;
    expect(getComputedStyle(row).padding).to.equal('10px 14px');
    el.density = 'compact';
    await settle(el);
    expect(el.getAttribute('density')).to.equal('compact');
    const compactRow = articles(el)[0];
    expect(getComputedStyle(compactRow).padding).to.equal('6px 12px');
    expect(compactRow.querySelector('[part="icon"]')!.getBoundingClientRect().width).to.equal(24);
    await waitUntil(() => articles(el)[0].getBoundingClientRect().height < comfortable - 6, 'compact rows are shorter');
    el.style.setProperty('--ct-row-padding', '1px 2px');
    await settle(el);
    expect(getComputedStyle(articles(el)[0]).padding).to.equal('1px 2px');
  });

  it('spaces rows by --ct-row-gap inside the virtualized list', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(20)) });
    await rendered(el, 5);
    el.style.setProperty('--ct-row-gap', '12px');
    el.style.setProperty('--ct-row-border-width', '1px');
    await settle(el);
    await waitUntil(() => {
      const [a, b] = articles(el);
      return Math.abs(b.getBoundingClientRect().top - a.getBoundingClientRect().bottom - 12) < 1;
    }, 'rows 12px apart');
    const [a, b, c] = articles(el);
    expect(Math.round(c.getBoundingClientRect().top - b.getBoundingClientRect().bottom)).to.equal(12);
    expect(getComputedStyle(a).borderTopWidth).to.equal('1px');
  });

  for (const name of THEMES) {
    it(`ships themes/${name}.css: only --ct-* tokens on client-timeline selectors, all documented, and AA contrast`, async () => {
      const documented = new Set((await documentedTokens()).map((p) => p.name));
      const css = await (await fetch(`/themes/${name}.css`)).text();
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      const declarations: string[] = [];
      const visit = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSMediaRule) {
            visit(rule.cssRules);
            continue;
          }
          expect(rule).to.be.instanceOf(CSSStyleRule);
          const styleRule = rule as CSSStyleRule;
          expect(styleRule.selectorText, name).to.match(/^client-timeline\b/);
          for (const property of styleRule.style) declarations.push(property);
        }
      };
      visit(sheet.cssRules);
      expect(declarations.length).to.be.above(10);
      expect(declarations.filter((d) => !d.startsWith('--ct-')), `${name}: not a --ct-* token`).to.deep.equal([]);
      expect(declarations.filter((d) => !documented.has(d)), `${name}: undocumented token`).to.deep.equal([]);

      await loadTheme(name);
      const el = await showcase();
      const surface = getComputedStyle(el).backgroundColor;
      expect(surface, `${name} sets the surface`).to.equal(toRgb(getComputedStyle(el).getPropertyValue('--ct-surface')));
      expectAA(el, name);
      if (name === 'ops-console') expect(contrast(parseColor(surface), [0, 0, 0, 1])).to.be.below(2); // dark
      if (name === 'neutral') {
        el.setAttribute('theme', 'dark');
        await settle(el);
        expect(contrast(parseColor(getComputedStyle(el).backgroundColor), [0, 0, 0, 1])).to.be.below(2);
        expectAA(el, `${name} dark`);
      }
    });
  }

  it('draws a visible focus ring on rows and buttons (3:1 against the row)', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(5)) });
    const [row] = await rendered(el, 3);
    const toggle = row.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    // Keyboard focus (focus-visible) through a real key press.
    const { sendKeys } = await import('@web/test-runner-commands');
    toggle.focus();
    await sendKeys({ press: 'Shift' });
    expect(toggle.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(toggle);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(ratio(toggle, 'outlineColor')).to.be.at.least(3);
    expect(contrast(foregroundOf(toggle, 'outlineColor'), backgroundOf(row))).to.be.at.least(3);
  });

  it('respects prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3)) });
    const [row] = await rendered(el, 1);
    const chevron = row.querySelector('.chevron')!;
    expect(getComputedStyle(chevron).transitionDuration).to.equal('0s');
    await emulateMedia({ reducedMotion: 'no-preference' });
    await settle(el);
    expect(getComputedStyle(chevron).transitionDuration).to.equal('0.12s');
    // No animation is declared outside a no-preference block.
    const animated = allRules().filter(
      (r) => r instanceof CSSStyleRule && /(?:^|;)\s*(?:animation|transition)(?:-[a-z-]+)?\s*:(?!\s*(?:unset|initial|none|0s)\b)/.test(r.style.cssText),
    );
    expect(animated.map((r) => r.cssText.slice(0, 60))).to.deep.equal([]);
    expect(scroller(el)).to.exist;
  });
});
