// Opens a page in headless Chromium and saves a PNG: `node scripts/screenshot.mjs <url> <out.png> [width] [height] [clickSelector]`
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

const [url, out = 'screenshot.png', width = '1000', height = '900', click] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(800);
if (click) {
  await page.locator(click).first().click();
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out });
await browser.close();
console.log(out);
