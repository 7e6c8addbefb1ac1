// The PNG icons rasterised from public/favicon.svg: one list for the pages that draw them, the <head> and the manifest.
import { withBase } from './urls';

/** Icon widths in pixels (the PNGs are square): the browser tab's icon, the apple-touch-icon, and the manifest's two. */
export const ICONS = { tab: 32, appleTouch: 180, manifest: [192, 512] } as const;

/** Every width drawn as icons/<width>.png. */
export const ICON_WIDTHS: readonly number[] = [...new Set([ICONS.tab, ICONS.appleTouch, ...ICONS.manifest])].sort((a, b) => a - b);

/** The URL of the icon of a width (base path included). */
export function iconUrl(width: number): string {
  return withBase(`icons/${width}.png`);
}

/** The `sizes` value of the icon of a width ("192x192"). */
export function iconSizes(width: number): string {
  return `${width}x${width}`;
}
