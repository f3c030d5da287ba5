import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (locale: string): Messages => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));

describe('locales', () => {
  const zh = load('zh_CN');
  const en = load('en');

  it('translate the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('use the same placeholders in both languages, each declared where it appears', () => {
    for (const key of Object.keys(zh)) {
      for (const messages of [zh, en]) {
        const used = [...messages[key]!.message.matchAll(/\$([A-Z_]+)\$/g)].map((match) => match[1]!.toLowerCase());
        expect(Object.keys(messages[key]!.placeholders ?? {}).sort(), key).toEqual([...new Set(used)].sort());
      }
    }
  });

  it('leave no message empty', () => {
    for (const messages of [zh, en]) expect(Object.values(messages).filter((entry) => !entry.message.trim())).toEqual([]);
  });
});
