// An RSS feed per edition (@astrojs/rss): every chapter with its description, newest first.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEssay } from '../../lib/chapters';
import { HTML_LANG, LANGS, t, type Lang } from '../../lib/i18n';
import { chapterPath, contentsPath } from '../../lib/urls';

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const chapters = (await getEssay())[lang];
  return rss({
    title: t(lang, 'siteTitle'),
    description: t(lang, 'siteTagline'),
    site: new URL(contentsPath(lang), site ?? 'http://localhost/').href,
    customData: `<language>${HTML_LANG[lang]}</language>`,
    items: chapters
      .map((chapter) => ({
        title: chapter.data.title,
        description: chapter.data.description,
        pubDate: chapter.data.updated ?? chapter.data.published,
        link: chapterPath(lang, chapter.data.slug),
      }))
      .reverse(),
  });
};
