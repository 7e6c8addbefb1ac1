/*
 * The search dialog's logic, loaded when it first opens: Pagefind's JS API (the index of the page's language,
 * chosen by Pagefind from <html lang>) and a short result list linking to chapters and their sections.
 */
import type { Lang } from '../../lib/i18n';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  locations?: number[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}
interface SearchStrings {
  loading: string;
  empty: string;
  count: string;
}

/**
 * Loads Pagefind and wires the dialog's input, result list and keyboard; called on the first opening, with the page's
 * edition. Rejects if Pagefind cannot be fetched: the caller (search-trigger.ts) says so, and the next opening tries
 * again.
 */
export async function startSearch(dialog: HTMLDialogElement, lang: Lang): Promise<void> {
  const input = dialog.querySelector('input');
  const list = dialog.querySelector<HTMLElement>('[data-search-results]');
  const status = dialog.querySelector<HTMLElement>('[role="status"]');
  if (!input || !list || !status) return;
  const text = JSON.parse(dialog.dataset.strings ?? '{}') as SearchStrings;
  status.textContent = text.loading;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 24 });
  await pagefind.init();
  status.textContent = '';

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 160);
    if (!search || ticket !== latest) return;
    const results = await Promise.all(search.results.slice(0, 8).map((result) => result.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...results.map((data) => renderResult(data, lang)));
    status.textContent = results.length
      ? text.count.replace('{n}', String(search.results.length))
      : text.empty.replace('{q}', query);
  };
  // While an input method is composing (pinyin, say), wait for the composed text.
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) void run();
  });
  input.addEventListener('compositionend', () => void run());
  void run();

  // Enter in the box opens the first result. Escape closes the dialog at once and keeps the query for the next
  // opening; a search box's own Escape would only clear it (its ✕ button does that).
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'Enter') list.querySelector('a')?.click();
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) dialog.close();
  });
  // Up and down arrows walk from the box through the result links and back.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops: HTMLElement[] = [input, ...list.querySelectorAll('a')];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    event.preventDefault();
    stops[Math.max(0, Math.min(stops.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  });
}

/** One result: the chapter with its best excerpt, then up to three of its sections that match best. */
function renderResult(data: PagefindData, lang: Lang): HTMLLIElement {
  const item = document.createElement('li');
  item.append(resultLink(data.url, data.meta.title ?? data.url, data.excerpt, 'search-result', lang));
  const sections = (data.sub_results ?? [])
    .filter((sub) => sub.anchor && sub.url.includes('#') && sub.anchor.id !== 'footnote-label')
    .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
    .slice(0, 3);
  if (sections.length) {
    const sublist = document.createElement('ol');
    sublist.className = 'search-sections';
    for (const sub of sections) {
      const entry = document.createElement('li');
      entry.append(resultLink(sub.url, sub.title, sub.excerpt, 'search-section', lang));
      sublist.append(entry);
    }
    item.append(sublist);
  }
  return item;
}

/** A result link: a title line and Pagefind's excerpt (escaped text with <mark> around the matches). */
function resultLink(href: string, title: string, excerpt: string, className: string, lang: Lang): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = href;
  link.className = className;
  const heading = document.createElement('span');
  heading.className = 'search-title';
  heading.textContent = title;
  const snippet = document.createElement('span');
  snippet.className = 'search-excerpt';
  snippet.innerHTML = lang === 'zh' ? chineseExcerpt(excerpt) : excerpt;
  link.append(heading, snippet);
  return link;
}

/**
 * Pagefind joins an excerpt's blocks with a space, and ends a heading that has no stop with ". ". In Chinese a heading
 * ends in “。” and a full-width mark carries its own space: “的修正. 2022 年” → “的修正。2022 年”, “参数量。 Chinchilla” →
 * “参数量。Chinchilla”.
 */
export function chineseExcerpt(excerpt: string): string {
  return excerpt
    .replace(/([\u4e00-\u9fff])\.(<\/mark>)? /g, '$1。$2')
    .replace(/([。！？：；，、）”’》])\.?(<\/mark>)? +/g, '$1$2');
}
