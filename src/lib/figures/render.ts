// HTML for the parts of a figure that change with its state — data table, readout, ignored-values note,
// source line — as strings, so the page (at build time) and the island (live) render them identically.
import type { Lang } from '../i18n';
import type { FigureCredits, Readout, TableData } from './types';
import type { IgnoredValue } from './url-state';
import { figureText, frameText, reasonText } from './strings';
import { colonIn } from './sources';
import { ET_AL } from '../typography';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put inside HTML (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A table as HTML: header row, then rows whose numeric cells carry their exact value in data-value. */
export function tableHtml(table: TableData, className = 'figure-table'): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row
        .map((cell, i) => {
          const tag = i === 0 ? 'th scope="row"' : 'td';
          const close = i === 0 ? 'th' : 'td';
          const value = cell.value !== undefined ? ` data-value="${escapeHtml(String(cell.value))}"` : '';
          return `<${tag}${value}>${escapeHtml(cell.text)}</${close}>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : '';
  return `<table class="${className}">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Text as HTML where "^{…}" becomes a superscript: "2^{−0.076}" → 2<sup>−0.076</sup>. */
export function inlineHtml(text: string): string {
  return escapeHtml(text).replace(/\^\{([^{}]*)\}/g, '<sup>$1</sup>');
}

/** The readout as HTML: one line per paragraph (with "^{…}" superscripts), then its table if any. */
export function readoutHtml(readout: Readout): string {
  const lines = readout.lines.filter(Boolean).map((line) => `<p>${inlineHtml(line)}</p>`).join('');
  return lines + (readout.table ? tableHtml(readout.table, 'figure-readout-table') : '');
}

/** One sentence per ignored link value: "Ignored link value loss-vs-scale.n=abc (not a number)". */
export function ignoredLines(ignored: readonly IgnoredValue[], lang: Lang): string[] {
  return ignored.map(({ key, value, reason }) => {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return figureText(lang, 'ignored', { pair: `${key}=${shown}`, reason: reasonText(reason, lang) });
  });
}

// Between two sentences: nothing after a Chinese full stop (it carries its own space), a space after an English one.
const sentenceGap = (lang: Lang) => (lang === 'zh' ? '' : ' ');

/** The source line of a figure in its two parts: "Source: what — paper, table or equation; …" and the notes. */
export function sourceText(def: FigureCredits, lang: Lang): { sources: string; notes: string } {
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = colonIn(lang);
  const sources = def.sources(lang).map((s) => `${s.what}${colon}${s.source}`).join(sep);
  const notes = (def.notes?.(lang) ?? []).join(sentenceGap(lang));
  return { sources: `${frameText(lang, 'source')}${colon}${sources}${lang === 'zh' ? '。' : '.'}`, notes };
}

/**
 * The whole source line under a figure's caption: the sources, then "Note: …" if the figure has notes. "et al." is
 * kept on one line, as in the in-text citations (bibliography.ts).
 */
export function creditLine(def: FigureCredits, lang: Lang): string {
  const { sources, notes } = sourceText(def, lang);
  const line = notes ? `${sources}${sentenceGap(lang)}${frameText(lang, 'note')}${colonIn(lang)}${notes}` : sources;
  return line.replaceAll(' et al.', ` ${ET_AL}`);
}

/** The source line as HTML, as the caption prints it: escaped, with "^{…}" superscripts (an exponent in a formula). */
export function creditHtml(def: FigureCredits, lang: Lang): string {
  return inlineHtml(creditLine(def, lang));
}
