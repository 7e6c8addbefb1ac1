// The static twins of every figure: PNGs of its default state, drawn at build time by Chart.js on @napi-rs/canvas
// from the same chart factory as the live figure (light theme, at 2×), one per shape in TWIN_SIZES: <id>.png,
// 1200×700 CSS px, and <id>-square.png, 360×360 CSS px for phones.
// It stands in for the chart without JavaScript and when a chart could not be drawn before printing.
import type { APIRoute, GetStaticPaths } from 'astro';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, LineController, LineElement, LinearScale, LogarithmicScale, PointElement } from 'chart.js';
import { buildChartConfig, LIGHT_THEME, type ChartTheme, type XY } from '../../../lib/figures/chart-config';
import { defaultState } from '../../../lib/figures/controls';
import { FIGURE_IDS } from '../../../lib/figures/ids';
import { getFigure } from '../../../lib/figures/registry';
import { TWIN_SHAPES, TWIN_SIZES, twinName, type TwinShape } from '../../../lib/figures/twin';
import { LANGS, type Lang } from '../../../lib/i18n';


// The same parts as in the browser (src/scripts/figures/chart.ts): no Tooltip or Legend plugin, the factory draws its own.
Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

// Fonts shipped with the project, so a twin does not depend on what a machine happens to have installed:
// KaTeX's Main Regular (from node_modules) covers Latin digits and labels. For Chinese labels the WenQuanYi
// Micro Hei font is used when installed (CI installs fonts-wqy-microhei); without it, the Chinese twins fall
// back to the English labels rather than print empty boxes.
const LATIN_FAMILY = 'FigureLatin';
const CJK_FAMILY = 'FigureCJK';
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
// Resolve from the project root: this file runs from a bundled chunk inside the build's output directory.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const latinFont = path.join(path.dirname(require.resolve('katex/package.json')), 'dist/fonts/KaTeX_Main-Regular.ttf');
GlobalFonts.registerFromPath(latinFont, LATIN_FAMILY);
const hasCjk = existsSync(CJK_FONT) && GlobalFonts.registerFromPath(CJK_FONT, CJK_FAMILY) !== null;

/** Every language × figure × shape; the route's [id] is the twin's name (twinName). */
export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) =>
    FIGURE_IDS.flatMap((figure) =>
      TWIN_SHAPES.map((shape) => ({ params: { lang, id: twinName(figure, shape) }, props: { figure, shape } })),
    ),
  );

/** Draws one figure's default state in a shape and returns the PNG bytes. */
export async function renderTwin(id: string, lang: Lang, shape: TwinShape = 'wide'): Promise<Buffer> {
  const def = getFigure(id);
  const labelLang: Lang = lang === 'zh' && !hasCjk ? 'en' : lang;
  const theme: ChartTheme = {
    ...LIGHT_THEME,
    fontFamily: labelLang === 'zh' ? `${CJK_FAMILY}, ${LATIN_FAMILY}` : LATIN_FAMILY,
    fontSize: TWIN_SIZES[shape].fontSize,
  };
  const canvas = createCanvas(TWIN_SIZES[shape].width, TWIN_SIZES[shape].height);
  const config = buildChartConfig(def, defaultState(def), labelLang, theme, { pixelRatio: 2, responsive: false });
  // Chart.js paints no background: the PNG stays transparent, so dark screens can invert it (figures.css).
  const chart = new Chart<'line', XY[]>(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
  const png = await canvas.encode('png');
  chart.destroy();
  return png;
}

/** The PNG response for /figures/<lang>/<id>.png and /figures/<lang>/<id>-square.png. */
export const GET: APIRoute = async ({ params, props }) => {
  const lang = (LANGS as readonly string[]).includes(params.lang ?? '') ? (params.lang as Lang) : 'en';
  const { figure, shape } = props as { figure: string; shape: TwinShape };
  const png = await renderTwin(figure, lang, shape);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
