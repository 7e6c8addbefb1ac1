import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every .html file under `dir` (a build's output folder), as paths joined onto `dir`, depth first. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await htmlFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.html')) files.push(full);
  }
  return files;
}
