// The web app manifest: name, colours and icons, so the essay can be pinned like a book on a home screen.
import type { APIRoute } from 'astro';
import { ICONS, iconSizes, iconUrl } from '../lib/icons';
import { withBase } from '../lib/urls';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: 'OpenAI 启示录 · The OpenAI Revelation',
      short_name: 'OpenAI 启示录',
      start_url: withBase(''),
      scope: withBase(''),
      display: 'standalone',
      background_color: '#fbf9f4',
      theme_color: '#1f1d1a',
      icons: ICONS.manifest.map((width) => ({ src: iconUrl(width), sizes: iconSizes(width), type: 'image/png' })),
    }),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
