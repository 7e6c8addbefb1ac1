import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The PDF script's command line: a folder without a built site, or a flag, stops it before anything is written.
const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/build-pdf.mjs', ...args], { encoding: 'utf8' });

describe('node scripts/build-pdf.mjs', () => {
  it('names the missing book page and writes nothing when the folder holds no built site', () => {
    const empty = path.join(mkdtempSync(path.join(tmpdir(), 'pdf-cli-')), 'site');
    const result = run(empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(path.join(empty, 'zh', 'book', 'index.html'));
    expect(existsSync(empty)).toBe(false);
  });

  it('prints its usage for --help (exit 0) and for an unknown flag (exit 2), without taking either for a folder', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: node scripts\/build-pdf\.mjs \[dist\]/);
    const bogus = run('--bogus');
    expect(bogus.status).toBe(2);
    expect(existsSync('--help') || existsSync('--bogus')).toBe(false);
  });
});
