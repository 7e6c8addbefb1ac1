import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveDist } from '../../../scripts/serve-dist.mjs';

describe('the static server of tests, benches and PDFs', () => {
  it('refuses a folder that does not exist, naming it, instead of answering 404 to everything', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'serve-')), 'dist');
    await expect(serveDist({ root: missing, port: 0 })).rejects.toThrow(missing);
  });

  it('refuses a file given as the folder', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'serve-')), 'index.html');
    writeFileSync(file, '<!doctype html>');
    await expect(serveDist({ root: file, port: 0 })).rejects.toThrow(/is not a folder/);
  });

  it('serves a folder that exists, gzipped when asked, and its own 404 for a missing page', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'serve-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title><p>' + 'x'.repeat(2000));
    const server = await serveDist({ root, port: 0 });
    try {
      const { port } = server.address() as { port: number };
      const ok = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'accept-encoding': 'gzip' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-encoding')).toBe('gzip');
      expect(await ok.text()).toContain('x'.repeat(2000));
      expect((await fetch(`http://127.0.0.1:${port}/nope/`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
