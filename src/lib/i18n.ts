/** The essay's languages, the original first. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** True when a string is one of the essay's language codes. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** An essay component's `lang` prop (set on every component by src/lib/markdown/essay-refs.ts): 'en' when absent;
 * an unknown code throws, naming the component, rather than falling back quietly. */
export function langProp(value: string | undefined, component: string): Lang {
  if (value === undefined) return 'en';
  if (!isLang(value)) throw new Error(`<${component}>: lang must be one of ${LANGS.join(', ')}, got "${value}"`);
  return value;
}

/** The other edition's language. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** BCP 47 tags for `<html lang>` and `hreflang`. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

const strings = {
  siteTitle: { zh: 'OpenAI 启示录', en: 'The OpenAI Revelation' },
  siteTagline: {
    zh: '两条公理、四个押注：OpenAI 为什么押注 GPT',
    en: 'Two axioms and four bets: why OpenAI bet on GPT',
  },
  languageName: { zh: '中文', en: 'English' },
  switchLanguage: { zh: 'Read in English', en: '阅读中文版' },
  contents: { zh: '目录', en: 'Contents' },
  notFoundTitle: { zh: '找不到这一页', en: 'Page not found' },
  notFoundText: {
    zh: '这个地址上没有页面：也许链接写错了，也许页面改了名字。可以从任一版本的目录重新开始，或者用页首的搜索。',
    en: 'There is no page at this address: the link may be mistyped, or the page renamed. Start again from either edition’s contents, or search from the top of the page.',
  },
  notFoundGuess: { zh: '你要找的也许是：', en: 'Perhaps you meant:' },
  onThisPage: { zh: '本章内容', en: 'On this page' },
  chapter: { zh: '第 {n} 章', en: 'Chapter {n}' },
  minutes: { zh: '约 {n} 分钟', en: '{n} min read' },
  previous: { zh: '上一章', en: 'Previous' },
  next: { zh: '下一章', en: 'Next' },
  references: { zh: '参考文献', en: 'References' },
  bibliography: { zh: '全部参考文献', en: 'Bibliography' },
  citedIn: { zh: '引用于：', en: 'Cited in ' },
  listSeparator: { zh: '、', en: ', ' },
  footnotes: { zh: '注释', en: 'Notes' },
  figure: { zh: '图 {n}', en: 'Figure {n}' },
  equation: { zh: '式 {n}', en: 'Equation {n}' },
  sectionLink: { zh: '本节链接', en: 'Link to this section' },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  home: { zh: '首页', en: 'Home' },
  published: { zh: '发布于', en: 'Published' },
  updated: { zh: '更新于', en: 'Updated' },
  chooseLanguage: { zh: '选择语言', en: 'Choose a language' },
  backToTop: { zh: '回到顶部', en: 'Back to top' },
  search: { zh: '搜索', en: 'Search' },
  searchLabel: { zh: '搜索全文', en: 'Search the essay' },
  searchPlaceholder: { zh: '搜索全文，例如：规模定律', en: 'Search the essay, e.g. scaling laws' },
  searchShortcut: { zh: '按 / 或 Ctrl K 打开搜索', en: 'Press / or Ctrl K to search' },
  searchLoading: { zh: '正在载入搜索……', en: 'Loading search…' },
  searchEmpty: { zh: '没有找到“{q}”。', en: 'No results for “{q}”.' },
  searchCount: { zh: '找到 {n} 章。', en: '{n} chapters found.' },
  searchError: { zh: '搜索没能加载。关闭后重新打开即可重试，也可以刷新页面。', en: 'Search could not be loaded. Close it and open it again to retry, or reload the page.' },
  close: { zh: '关闭', en: 'Close' },
  citeThis: { zh: '引用本章', en: 'Cite this chapter' },
  citeReference: { zh: '参考文献格式', en: 'Reference' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '复制失败，请手动选择文本', en: 'Could not copy; select the text instead' },
  continueReading: { zh: '继续阅读', en: 'Continue reading' },
  dismiss: { zh: '不再显示', en: 'Dismiss' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;

/** A UI string in the given language, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return fillTemplate(strings[key][lang], vars);
}

/** A template with its `{name}` placeholders filled from `vars` (an unknown name stays as written). */
export function fillTemplate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
