import { describe, expect, it } from 'vitest';
import { allChatLines } from './chat-lines.fixture';
import { detectContacts } from './detect';
import { MAX_READING_CHARS, mayHoldContact, readingsOf } from './page-reading';
import { contactsInReadings } from './tab-contacts';

describe('mayHoldContact', () => {
  it.each(allChatLines.filter((chat) => detectContacts(chat.line).length > 0).map((chat) => [chat.line] as const))(
    'passes every line the detector finds a contact in: %s',
    (line) => {
      expect(mayHoldContact(line)).toBe(true);
    },
  );

  it.each(['您好，请问有什么可以帮您？', '¥1380.00 已付', '13:45 发货', '验证码 123456', '2024年3月15日', 'v2.3.14', '138****5678'])(
    'stops a text with neither seven joined digits nor an "@": %s',
    (line) => {
      expect(mayHoldContact(line)).toBe(false);
    },
  );

  it('reads full-width digits, separators and "＠" as visitors type them', () => {
    expect(mayHoldContact('手机（＋８６）１３８ １２３４ ５６７８')).toBe(true);
    expect(mayHoldContact('邮箱 li＠qq．com')).toBe(true);
  });
});

describe('readingsOf', () => {
  it('gives a chat message whole, with the context it was given', () => {
    expect(readingsOf('我的手机 13812345678')).toEqual([{ text: '我的手机 13812345678' }]);
    expect(readingsOf('+8613812345678', '拨打')).toEqual([{ text: '+8613812345678', context: '拨打' }]);
    expect(readingsOf('好的')).toEqual([]);
  });

  it('cuts a long text after a sentence, never inside a number, and keeps only the pieces that may hold one', () => {
    const chatter = '这款外套的面料怎么样，会不会起球'.repeat(20);
    const phone = '138 1234 5678';
    const text = `${chatter}。${'x'.repeat(MAX_READING_CHARS - chatter.length - 8)}手机 ${phone} 谢谢。${chatter}`;
    const readings = readingsOf(text);
    for (const { text: piece } of readings) expect(piece.length).toBeLessThanOrEqual(MAX_READING_CHARS);
    expect(readings).toHaveLength(1);
    expect(readings[0]!.text).toContain(`手机 ${phone} 谢谢。`);
    expect(contactsInReadings(readings, detectContacts, 0).map((contact) => contact.value)).toEqual(['+8613812345678']);
  });

  it('cuts between words when a long text has no sentence end, and hard at the limit when it has no space either', () => {
    const words = Array.from({ length: 400 }, (_, index) => `word${'abcdefghij'[index % 10]}`).join(' ');
    const readings = readingsOf(`${words} a@b.cn ${words} c@d.cn`);
    expect(readings.every(({ text }) => text.length <= MAX_READING_CHARS && /^word|^a@/.test(text))).toBe(true);
    expect(contactsInReadings(readings, detectContacts, 0).map((contact) => contact.value)).toEqual(['a@b.cn', 'c@d.cn']);
    const digits = '7'.repeat(MAX_READING_CHARS * 2 + 5);
    expect(readingsOf(digits).map(({ text }) => text.length)).toEqual([MAX_READING_CHARS, MAX_READING_CHARS]); // the 5 left cannot hold one
  });
});
