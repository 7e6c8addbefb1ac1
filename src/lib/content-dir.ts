import path from 'node:path';

/** The folder holding zh/, en/ and references.bib; ESSAY_CONTENT_DIR points the build at a fixture copy. */
export function contentDir(): string {
  return path.resolve(process.env.ESSAY_CONTENT_DIR ?? 'content');
}

/** A path relative to the project root, for error messages that name a file. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
