import type { Lang } from './i18n';

/** The site's base path with one trailing slash ("/" or "/essay/"). */
export function basePath(): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** A path inside the site, base included: withBase("en/scaling-laws/") → "/essay/en/scaling-laws/". */
export function withBase(path: string): string {
  return basePath() + path.replace(/^\/+/, '');
}

/** The URL of a chapter: /<lang>/<slug>/. */
export function chapterPath(lang: Lang, slug: string): string {
  return withBase(`${lang}/${slug}/`);
}

/** The URL of an edition's contents page: /<lang>/. */
export function contentsPath(lang: Lang): string {
  return withBase(`${lang}/`);
}

/** An absolute URL on the public site, for canonical links, previews and feeds. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(path, site ?? 'http://localhost/').href;
}
