import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanContacts } from './candidates';
import { allChatLines, negativeLines } from './chat-lines.fixture';
import { cardGroupCount, dateGroupCount, isNamedAsNonContact } from './context-rules';
import { detectContacts } from './detect';
import { keyOrLinkBefore } from './keys-and-links';
import { foldFullWidth } from './normalize';

const here = dirname(fileURLToPath(import.meta.url));

/** Lines only a number plan can refuse: their shape is a phone's, their prefix or area code is not. */
const NEEDS_NUMBER_PLAN = new Set(['12012345678', '10012345678', '099912345678']);

/** The scan with a judge that accepts every phone shape: what the rules alone let through. */
function findContactCandidates(text: string) {
  const acceptAnyShape = ({ international, digits }: { international: boolean; digits: string }) => (international ? `+${digits}` : digits);
  return scanContacts(text, acceptAnyShape).map(({ kind, start, end }) => ({ kind, raw: text.slice(start, end), start, end }));
}

describe('the scan before the number plan', () => {
  it.each(allChatLines.filter((chat) => !chat.knownMiss).map((chat) => [chat.line] as const))('covers every contact detected in: %s', (line) => {
    const candidates = findContactCandidates(line);
    for (const contact of detectContacts(line)) {
      const covering = candidates.filter((candidate) => candidate.kind === contact.kind && candidate.start <= contact.start && candidate.end >= contact.end);
      expect(covering, `${contact.kind} ${contact.value}`).toHaveLength(1);
    }
  });

  it('has full recall over the table (every expected contact has a candidate)', () => {
    let expected = 0;
    let covered = 0;
    for (const { line, knownMiss } of allChatLines) {
      if (knownMiss) continue;
      const candidates = findContactCandidates(line);
      for (const contact of detectContacts(line)) {
        expected++;
        if (candidates.some((candidate) => candidate.start <= contact.start && candidate.end >= contact.end)) covered++;
      }
    }
    expect(expected).toBeGreaterThanOrEqual(150);
    expect(covered / expected).toBe(1);
  });

  it.each(negativeLines.filter((chat) => !NEEDS_NUMBER_PLAN.has(chat.line)).map((chat) => [chat.line] as const))(
    'reports nothing for the obvious non-contact: %s',
    (line) => {
      expect(findContactCandidates(line)).toEqual([]);
    },
  );

  it('may over-report what only the number plan refuses', () => {
    expect(findContactCandidates('12012345678').map((candidate) => candidate.raw)).toEqual(['12012345678']);
    expect(detectContacts('12012345678')).toEqual([]);
  });

  it('reports the raw text as written on the page, full-width included', () => {
    expect(findContactCandidates('手机（＋８６）１３８ １２３４ ５６７８。')).toEqual([
      { kind: 'phone', raw: '（＋８６）１３８ １２３４ ５６７８', start: 2, end: 20 },
    ]);
    expect(findContactCandidates('Mail: Li@Example.com')).toEqual([{ kind: 'email', raw: 'Li@Example.com', start: 6, end: 20 }]);
  });

  it('keeps the longest phone-shaped span, leaving the judge to shorten it', () => {
    expect(findContactCandidates('+86 138 1234 5678 2').map((candidate) => candidate.raw)).toEqual(['+86 138 1234 5678 2']);
    expect(detectContacts('+86 138 1234 5678 2')[0]).toMatchObject({ value: '+8613812345678', end: 17 });
  });

  it('imports no library, so the page scanner stays small', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(here, file), 'utf8');
      for (const [, specifier] of source.matchAll(/^import[^;]*?from '([^']+)'/gm)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\//);
        visit(`${specifier!.slice(2)}.ts`);
      }
    };
    visit('candidates.ts');
    expect([...seen].sort()).toEqual(['candidates.ts', 'context-rules.ts', 'emails.ts', 'keys-and-links.ts', 'normalize.ts', 'phone-runs.ts']);
  });
});

describe('foldFullWidth', () => {
  it('folds full-width forms, spaces and dashes one unit for one', () => {
    const typed = '（＋８６）１３８－１２３４　５６７８ ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ 138–1234';
    const folded = foldFullWidth(typed);
    expect(folded).toBe('(+86)138-1234 5678 john@example.com 138-1234');
    expect(folded).toHaveLength(typed.length);
  });

  it('returns text with nothing to fold unchanged', () => {
    const plain = '我的手机是13812345678 谢谢。';
    expect(foldFullWidth(plain)).toBe(plain);
  });
});

describe('context rules', () => {
  it('lets the nearest naming word in the clause decide', () => {
    const at = (line: string) => isNamedAsNonContact(line, line.indexOf('1'), line.indexOf('1') + 11);
    expect(at('订单号 13812345678')).toBe(true);
    expect(at('订单号和手机13812345678')).toBe(false);
    expect(at('订单有问题，电话13812345678')).toBe(false);
    expect(at('订单有问题，13812345678')).toBe(false);
    expect(at('转账 13812345678 元')).toBe(true);
  });

  it('reads the key or link written right before a number', () => {
    const at = (before: string, number = '13812345678') => keyOrLinkBefore(before + number, before.length);
    expect(at('phone=', '+8613812345678')).toBe('contact');
    expect(at('手机号=')).toBe('contact');
    expect(at('{"cellPhone": "')).toBe('contact');
    expect(at('wechat_id=')).toBe('contact');
    expect(at('https://wa.me/', '447911123456')).toBe('international contact');
    expect(at('api.whatsapp.com/send?phone=', '14155552671')).toBe('international contact');
    expect(at('?mobile=%2B', '85291234567')).toBe('international contact');
    expect(at('tel://')).toBe('contact');
    expect(at('user_id=')).toBe('identifier');
    expect(at('"orderId": "')).toBe('identifier');
    expect(at('Session ID: ')).toBe('identifier');
    expect(at('page=')).toBeUndefined();
    expect(at('我的手机 ')).toBeUndefined();
  });

  it('recognises dates and cards written in groups', () => {
    const groups = (...parts: [string, string][]) => parts.map(([joint, digits]) => ({ joint, digits }));
    expect(dateGroupCount(groups(['', '2024'], ['-', '03'], ['-', '15']), 0)).toBe(3);
    expect(dateGroupCount(groups(['', '2024'], ['-', '13'], ['-', '15']), 0)).toBe(0);
    expect(cardGroupCount(groups(['', '6222'], [' ', '0212'], [' ', '3456'], [' ', '7890'], [' ', '123']), 0)).toBe(5);
    expect(cardGroupCount(groups(['', '0755'], [' ', '8601'], [' ', '3388']), 0)).toBe(0);
  });
});
