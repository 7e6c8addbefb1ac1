// A minimal static server for a built site (dist/ by default), used by tests, screenshots, PDFs and benchmarks.
// Like a static host, it gzips text responses when the client accepts gzip, so byte-sensitive measurements
// (Lighthouse's simulated network) see what a reader would download. Given a key and certificate it speaks HTTPS
// with HTTP/2, as production hosts do (HTTP/1.1 stays available to clients that ask for it).
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2',
  '.woff': 'font/woff', '.ttf': 'font/ttf', '.xml': 'application/xml', '.txt': 'text/plain', '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream', '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg)/;
const gzipped = new Map();

// The gzip bytes of a file (zlib's default level, as static hosts use), cached by path and modification time.
function gzipOf(file, mtimeMs) {
  const hit = gzipped.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const body = gzipSync(readFileSync(file));
  gzipped.set(file, { mtimeMs, body });
  return body;
}

/**
 * Serves `root` on 127.0.0.1:`port`, mounted under `base` ("/" or "/essay/"); with `tls` ({ key, cert }, PEM) over
 * HTTPS and HTTP/2. Resolves to the server.
 */
export function serveDist({ root = 'dist', port = 4321, base = '/', tls = undefined } = {}) {
  const dir = path.resolve(root);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    return Promise.reject(new Error(`serve-dist: ${dir} is not a folder; build the site first (npm run build) or name the built site's folder`));
  }
  const handle = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) return notFound(res);
    pathname = '/' + pathname.slice(base.length);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) return notFound(res);
    let stat;
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      stat = statSync(file);
    } catch {
      return notFound(res);
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipOf(file, stat.mtimeMs);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'Accept-Encoding' });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, { 'content-type': type, 'content-length': stat.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  // Like static hosts, an address the site does not have gets the site's own 404.html (if built), with status 404.
  function notFound(res) {
    const page = path.join(dir, '404.html');
    const body = existsSync(page) ? readFileSync(page) : '<!doctype html><title>Not found</title><p>Not found</p>';
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  }
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.env.PORT ?? 4321);
  const base = process.env.BASE_PATH ?? '/';
  await serveDist({ root, port, base }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
}
