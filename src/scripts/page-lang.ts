import type { Lang } from '../lib/i18n';

/** The edition of the page being read, from <html lang> ("zh-CN" or "en"). */
export function pageLang(): Lang {
  return document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
}
