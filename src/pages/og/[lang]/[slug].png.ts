// Link-preview images, 1200×630: one per chapter per language, and one per edition's contents page ("index").
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEssay } from '../../../lib/chapters';
import { LANGS, t, type Lang } from '../../../lib/i18n';
import { renderCard } from '../../../lib/og/card';

export const getStaticPaths = (async () => {
  const essay = await getEssay();
  return LANGS.flatMap((lang) => [
    { params: { lang, slug: 'index' }, props: { kicker: '', title: t(lang, 'siteTitle'), description: t(lang, 'siteTagline') } },
    ...essay[lang].map((chapter) => ({
      params: { lang, slug: chapter.data.slug },
      props: { kicker: t(lang, 'chapter', { n: chapter.data.order }), title: chapter.data.title, description: chapter.data.description },
    })),
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site }) => {
  const lang = params.lang as Lang;
  const png = await renderCard({
    siteTitle: t(lang, 'siteTitle'),
    kicker: props.kicker as string,
    title: props.title as string,
    description: props.description as string,
    footer: site ? site.host : '',
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
