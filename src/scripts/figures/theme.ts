// Chart colours from the page: the CSS custom properties of src/styles/global.css, resolved to real colours.
import { LIGHT_THEME, SANS_STACK, chartFontSize, type ChartTheme } from '../../lib/figures/chart-config';

/**
 * The chart theme in force now for a chart `width` CSS px wide: --text, --text-muted, --rule and --bg as computed
 * colours, the sans stack, and a text size that follows the reader's own (the root font size; chartFontSize).
 */
export function readTheme(width: number): ChartTheme {
  const probe = document.createElement('span');
  probe.style.cssText =
    'position:absolute;visibility:hidden;pointer-events:none;border:1px solid;' +
    'color:var(--text);background-color:var(--bg);border-top-color:var(--rule);border-bottom-color:var(--text-muted)';
  document.body.append(probe);
  const style = getComputedStyle(probe);
  const theme = {
    text: style.color || LIGHT_THEME.text,
    bg: style.backgroundColor || LIGHT_THEME.bg,
    rule: style.borderTopColor || LIGHT_THEME.rule,
    muted: style.borderBottomColor || LIGHT_THEME.muted,
  };
  probe.remove();
  const root = getComputedStyle(document.documentElement);
  const family = root.getPropertyValue('--font-sans').trim();
  return {
    ...theme,
    dark: isDark(theme.bg),
    fontFamily: family || SANS_STACK,
    fontSize: chartFontSize(width, parseFloat(root.fontSize)),
  };
}

/** The light theme for print, at the width the chart is printed. */
export function printTheme(): ChartTheme {
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim();
  return { ...LIGHT_THEME, fontFamily: family || SANS_STACK, fontSize: 11 };
}

// A background is dark when its relative luminance is low.
function isDark(color: string): boolean {
  const m = /rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(color);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
