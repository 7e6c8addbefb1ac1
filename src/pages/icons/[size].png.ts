// PNG icons (the tab's icon, apple-touch-icon, manifest) rasterised at build time from public/favicon.svg with resvg.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { ICON_WIDTHS } from '../../lib/icons';

export const getStaticPaths = (() => ICON_WIDTHS.map((width) => ({ params: { size: String(width) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const svg = readFileSync('public/favicon.svg', 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: Number(params.size) } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
