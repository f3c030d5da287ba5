import { describe, expect, it } from 'vitest';
import { allChatLines, negativeLines, type ChatLine } from './chat-lines.fixture';
import { confirmPhone, detectContacts } from './detect';
import { recallAndPrecision } from './recall-precision';

const valuesOf = (line: string) => detectContacts(line).map((contact) => contact.value);
const detectedLines = allChatLines.filter((chat) => !chat.knownMiss);
const knownMisses = allChatLines.filter((chat) => chat.knownMiss);

/** Recall and precision over the lines, matching values as multisets per line. */
const score = (lines: readonly ChatLine[]) => recallAndPrecision(lines.map(({ line, expected }) => ({ expected, found: valuesOf(line) })));

describe('detectContacts over the chat-line table', () => {
  it('holds enough realistic lines, positive and negative', () => {
    expect(allChatLines.length).toBeGreaterThanOrEqual(150);
    expect(negativeLines.length).toBeGreaterThanOrEqual(50);
  });

  it.each(detectedLines.map((chat) => [chat.line, chat.expected] as const))('%s', (line, expected) => {
    expect(valuesOf(line)).toEqual(expected);
  });

  it.fails.each(knownMisses.map((chat) => [chat.line, chat.expected, chat.knownMiss] as const))('known miss: %s', (line, expected) => {
    expect(valuesOf(line)).toEqual(expected);
  });

  it('reaches recall ≥ 0.98 and precision ≥ 0.99, known misses included', () => {
    const { recall, precision } = score(allChatLines);
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(precision).toBeGreaterThanOrEqual(0.99);
  });
});

describe('detectContacts spans', () => {
  it('points at the number as written, prefix included, extension excluded', () => {
    expect(detectContacts('我的手机是13812345678，谢谢')).toEqual([{ kind: 'phone', value: '+8613812345678', start: 5, end: 16 }]);
    expect(detectContacts('(+86)13812345678')[0]).toMatchObject({ start: 0, end: 16 });
    expect(detectContacts('电话 +86 138 1234 5678')[0]).toMatchObject({ start: 3, end: 20 });
    expect(detectContacts('010-62345678转123')[0]).toMatchObject({ start: 0, end: 12 });
    expect(detectContacts('0755-86013388-801')[0]).toMatchObject({ value: '+8675586013388', start: 0, end: 13 });
  });

  it('keeps full-width spans at their original offsets', () => {
    const line = '邮箱ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ，手机１３８１２３４５６７８';
    const [email, mobile] = detectContacts(line);
    expect(email).toEqual({ kind: 'email', value: 'john@example.com', start: 2, end: 18 });
    expect(line.slice(mobile!.start, mobile!.end)).toBe('１３８１２３４５６７８');
  });

  it('reports every span once, in order of appearance, never overlapping', () => {
    for (const { line } of allChatLines) {
      const spans = detectContacts(line);
      spans.forEach((span, index) => {
        expect(span.end).toBeGreaterThan(span.start);
        if (index > 0) expect(span.start).toBeGreaterThanOrEqual(spans[index - 1]!.end);
      });
    }
  });

  it('reports the same number twice when it is written twice', () => {
    expect(valuesOf('13812345678 或 13812345678')).toEqual(['+8613812345678', '+8613812345678']);
  });
});

describe('confirmPhone (libphonenumber-js, max metadata)', () => {
  it('accepts allocated CN mobile prefixes only', () => {
    expect(confirmPhone({ international: false, digits: '19912345678' })).toBe('+8619912345678');
    expect(confirmPhone({ international: false, digits: '12012345678' })).toBeUndefined();
    expect(confirmPhone({ international: false, digits: '14012345678' })).toBeUndefined();
  });

  it('accepts a CN landline only with an existing area code and local length', () => {
    expect(confirmPhone({ international: false, digits: '075586013388' })).toBe('+8675586013388');
    expect(confirmPhone({ international: false, digits: '099912345678' })).toBeUndefined();
    expect(confirmPhone({ international: false, digits: '05718888888' })).toBeUndefined();
  });

  it('reads international digits after the country code', () => {
    expect(confirmPhone({ international: true, digits: '442079460958' })).toBe('+442079460958');
    expect(confirmPhone({ international: true, digits: '4420794609' })).toBeUndefined();
  });
});
