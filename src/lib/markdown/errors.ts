import type { VFile } from 'vfile';
import type { Node } from 'unist';
import { displayPath } from '../content-dir';

/** Throws an Error that names the chapter file (and line) so a writer can find the fault. */
export function failAt(file: VFile, node: Node | undefined, message: string): never {
  const line = node?.position?.start.line;
  const where = displayPath(file.path || file.history[0] || 'unknown file') + (line ? `:${line}` : '');
  const error = new Error(`${where}: ${message}`);
  error.name = 'EssayContentError';
  throw error;
}
