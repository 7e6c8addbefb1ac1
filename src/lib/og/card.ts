import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { fontsFor, fontFamilyOf } from './fonts';

/** What a link-preview card shows. */
export interface CardText {
  kicker: string;
  title: string;
  description: string;
  siteTitle: string;
  footer: string;
}

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

/** Renders a 1200×630 PNG link-preview card (satori → SVG → resvg), with shipped fonts only. */
export async function renderCard(text: CardText): Promise<Buffer> {
  const fonts = fontsFor(Object.values(text).join(''));
  const ink = '#1f1d1a';
  const muted = '#5a554c';
  const accent = '#0b5cad';
  // satori sizes boxes without their padding (content-box), so the margins come from an inner box of fixed size.
  const tree = h('div', { width: 1200, height: 630, display: 'flex', background: '#fbf9f4', fontFamily: fontFamilyOf(fonts), color: ink }, [
    h('div', { width: 1056, height: 502, margin: '64px 72px', display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }, [
      h('div', { display: 'flex', justifyContent: 'space-between', fontSize: 28, color: muted }, [
        h('div', { display: 'flex' }, text.siteTitle),
        h('div', { display: 'flex', color: accent }, text.kicker),
      ]),
      h('div', { display: 'flex', flexDirection: 'column' }, [
        h('div', { display: 'flex', fontSize: text.title.length > 24 ? 60 : 72, fontWeight: 700, lineHeight: 1.15 }, text.title),
        h('div', { display: 'flex', marginTop: 28, fontSize: 30, lineHeight: 1.45, color: muted }, text.description),
      ]),
      h('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 24, color: muted }, [
        h('div', { display: 'flex' }, text.footer),
        h('div', { display: 'flex', width: 220, height: 6, background: accent, borderRadius: 3 }),
      ]),
    ]),
  ]);
  const svg = await satori(tree as never, { width: 1200, height: 630, fonts });
  return new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
}
