/** Types for scripts/serve-dist.mjs (the static server of tests, benches and PDFs). */
import type { Server } from 'node:http';
import type { Http2SecureServer } from 'node:http2';
export function serveDist(options?: {
  root?: string;
  port?: number;
  base?: string;
  tls?: { key: string | Buffer; cert: string | Buffer };
}): Promise<Server | Http2SecureServer>;
