// Screenshots of built pages for a human look: both languages, light and dark, 390 px and 1400 px wide.
// Usage: node scripts/screenshots.mjs [dist] [outDir] [path …]   (paths default to the two contents pages)
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { launchOptions } from './chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const [root = 'dist', out = '.tmp/shots', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/zh/', '/en/'];
await mkdir(out, { recursive: true });
const server = await serveDist({ root, port: 4399 });
const browser = await chromium.launch(launchOptions);
for (const width of [390, 1400]) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(`http://127.0.0.1:4399${p}`);
      await page.waitForLoadState('networkidle');
      const name = `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${width}-${scheme}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
      console.log(`${out}/${name}`);
    }
    await context.close();
  }
}
await browser.close();
server.close();
