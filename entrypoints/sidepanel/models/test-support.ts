// For the panel's unit tests only: the fake browser answers i18n with the real messages (English unless asked),
// so wording is asserted as the agent reads it. Never imported by the panel itself.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function useEnglishMessages() {
  useMessages('en');
}

/** The fake browser speaks `locale`, as the real one does following the browser's UI language. */
export function useMessages(locale: 'en' | 'zh_CN') {
  const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const named = entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
    return named.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
}
