// The extension's own words, read from its locale files, so a spec can find a control by its visible
// name in either language without copying translations into the test.
import { readFileSync } from 'node:fs';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export type UiLanguage = 'en' | 'zh-CN';

const LOCALE_FOLDERS: Record<UiLanguage, string> = { en: 'en', 'zh-CN': 'zh_CN' };

/** `text(key, ...substitutions)` as `chrome.i18n.getMessage` would return it in `lang`. */
export function uiText(lang: UiLanguage): (key: string, ...substitutions: string[]) => string {
  const messages = JSON.parse(readFileSync(`public/_locales/${LOCALE_FOLDERS[lang]}/messages.json`, 'utf8')) as Messages;
  return (key, ...substitutions) => {
    const entry = messages[key];
    if (!entry) throw new Error(`No message "${key}" in ${lang}`);
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, index: string) => substitutions[Number(index) - 1] ?? '');
    });
  };
}
