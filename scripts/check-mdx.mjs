// Compiles chapter files as MDX (math + GFM) and parses their front-matter: a quick syntax check for writers.
// Usage: node scripts/check-mdx.mjs content/zh/scaling-laws.mdx [more files…]
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import yaml from 'js-yaml';
import { readFile } from 'node:fs/promises';

let failed = 0;
for (const file of process.argv.slice(2)) {
  const source = await readFile(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  try {
    if (!match) throw new Error('no front-matter block');
    const data = yaml.load(match[1]);
    for (const field of ['title', 'description', 'order', 'slug', 'published']) {
      if (data?.[field] === undefined) throw new Error(`front-matter field "${field}" is missing`);
    }
    await compile(source.slice(match[0].length), { remarkPlugins: [remarkMath, remarkGfm] });
    console.log(`ok   ${file}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${file}: ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
