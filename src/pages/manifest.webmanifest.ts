// The web app manifest: name, colours and icons, so the essay can be pinned like a book on a home screen.
import type { APIRoute } from 'astro';
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
      icons: [
        { src: withBase('icons/192.png'), sizes: '192x192', type: 'image/png' },
        { src: withBase('icons/512.png'), sizes: '512x512', type: 'image/png' },
      ],
    }),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
