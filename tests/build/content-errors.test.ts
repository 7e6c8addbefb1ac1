import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const FIXTURE = 'tests/fixtures/essay';
const WORK = '.tmp/content-errors';

/** Builds a copy of the fixture essay after `mutate` breaks it; returns exit status and all output. */
async function buildBroken(name: string, mutate: (dir: string) => void) {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(FIXTURE, path.join(dir, 'content'), { recursive: true });
  mutate(path.join(dir, 'content'));
  const env = {
    ...process.env,
    ESSAY_CONTENT_DIR: path.join(dir, 'content'),
    ASTRO_OUT_DIR: path.join(dir, 'dist'),
    ASTRO_CACHE_DIR: path.join(dir, 'cache'),
  };
  try {
    const { stdout, stderr } = await run('npx', ['astro', 'build'], { env, maxBuffer: 1 << 24 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function edit(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(file, next);
}

// Each case is a whole Astro build of the fixture (4–22 s here): a limit of 120 s per case, not the unit tests' 20 s,
// so a busy machine does not fail a build that would have succeeded. The builds run one after another: two at once
// share the project's .astro folder, where each writes the list of chapter modules to import, and one build then
// compiled the other's chapters and reported the other's error.
describe('the build rejects broken content and names the file', () => {
  beforeAll(() => mkdirSync(WORK, { recursive: true }));

  it('builds the intact fixture (control)', async () => {
    const result = await buildBroken('intact', () => {});
    expect(result.output).toContain('Complete!');
    expect(result.ok).toBe(true);
  }, 120_000);

  it('fails on a malformed front-matter field, naming file and field', async () => {
    const result = await buildBroken('frontmatter', (dir) => edit(path.join(dir, 'en/sample.mdx'), 'order: 1', 'order: first'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/en\/sample/);
    expect(result.output).toMatch(/order/);
  }, 120_000);

  it('fails on a missing required field, naming file and field', async () => {
    const result = await buildBroken('missing-title', (dir) => edit(path.join(dir, 'zh/sample.mdx'), /^title: .*\n/m, ''));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/zh\/sample/);
    expect(result.output).toMatch(/title/);
  }, 120_000);

  it('fails when a chapter has no twin in the other language', async () => {
    const result = await buildBroken('no-twin', (dir) => renameSync(path.join(dir, 'en/sample.mdx'), path.join(dir, 'en/sample.mdx.off')));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/zh\/sample\.mdx: chapter "sample" has no en edition/);
  }, 120_000);

  it('fails when two chapters share an order', async () => {
    const result = await buildBroken('dup-order', (dir) => {
      for (const lang of ['zh', 'en']) {
        const source = readFileSync(path.join(dir, `${lang}/sample.mdx`), 'utf8');
        writeFileSync(path.join(dir, `${lang}/other.mdx`), source.replace('slug: sample', 'slug: other'));
      }
    });
    expect(result.ok).toBe(false);
    // Whichever of the two the loader meets second is the one named first.
    expect(result.output).toMatch(/(other|sample)\.mdx: field "order" \(1\) is also used by .*(sample|other)\.mdx/);
  }, 120_000);

  it('fails on an unknown citation key, naming the chapter file', async () => {
    const result = await buildBroken('unknown-cite', (dir) => edit(path.join(dir, 'en/sample.mdx'), 'key="sutton2019"', 'key="nobody1999"'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/en\/sample\.mdx:\d+: <Cite key="nobody1999"> is not in content\/references\.bib/);
  }, 120_000);

  it('fails on a dangling equation reference, naming the chapter file', async () => {
    const result = await buildBroken('dangling-eq', (dir) => edit(path.join(dir, 'zh/sample.mdx'), '<EqRef id="power" />', '<EqRef id="missing" />'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/zh\/sample\.mdx:\d+: <EqRef id="missing"> points to no equation/);
  }, 120_000);

  it('fails on a heading without an anchor, naming the chapter file', async () => {
    const result = await buildBroken('no-anchor', (dir) => edit(path.join(dir, 'en/sample.mdx'), '## First section [#first]', '## First section'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/en\/sample\.mdx:\d+: heading "First section" needs an anchor/);
  }, 120_000);
});
