// Writes src/assets/fonts/zh-marks.woff2: the Chinese edition's quotation marks and ellipsis (“ ” ‘ ’ …), full-width
// and with the ellipsis's dots centred as Chinese text sets them, cut from Noto Sans SC (SIL Open Font License 1.1,
// via @fontsource/noto-sans-sc) with subset-font. Run it again only to change the marks: node scripts/make-zh-marks-font.mjs
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';

/** The marks the face carries; global.css gives the same list as its unicode-range. */
const ZH_MARKS = '\u2018\u2019\u201C\u201D\u2026';

const require = createRequire(import.meta.url);
const pkg = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
const out = new URL('../src/assets/fonts/', import.meta.url);
const full = await readFile(path.join(pkg, 'files/noto-sans-sc-latin-400-normal.woff2'));
// The cut face carries no licence text of its own, so the licence (with its copyright line) is served beside it as
// public/licenses/noto-sans-sc-OFL.txt, the stand-alone copy the OFL asks for.
const cut = await subsetFont(full, ZH_MARKS, { targetFormat: 'woff2' });
await writeFile(new URL('zh-marks.woff2', out), cut);
await copyFile(path.join(pkg, 'LICENSE'), new URL('../public/licenses/noto-sans-sc-OFL.txt', import.meta.url));
console.log(`zh-marks.woff2: ${cut.length} bytes for ${[...ZH_MARKS].join(' ')}`);
