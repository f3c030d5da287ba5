import { describe, expect, it } from 'vitest';
import { MAX_TEXTS } from './label-matcher';
import { rememberReadings, textsAbout } from './conversation';

const contactsIn = (text: string) => [...text.matchAll(/1\d{10}/g)].map((match) => `phone:+86${match[0]}`);

describe("a tab's conversation for label suggestions", () => {
  it('keeps visible texts newest first, each with its own contacts or those reported with it', () => {
    const first = rememberReadings([], [{ text: '我要红酒' }, { text: '电话13812345678' }, { text: '藏起来的13900001111', hidden: true }], contactsIn, 1);
    expect(first).toEqual([
      { text: '电话13812345678', at: 1, contacts: ['phone:+8613812345678'] },
      { text: '我要红酒', at: 1, contacts: ['phone:+8613812345678'] },
    ]);
  });

  it('gives a text reported alone without a contact to the tab’s newest contact', () => {
    const next = rememberReadings([], [{ text: '订单 2024112233 要开发票' }], contactsIn, 2, ['phone:+8613812345678']);
    expect(next[0]!.contacts).toEqual(['phone:+8613812345678']);
  });

  it('moves a text seen again to the front and keeps a bounded window', () => {
    let conversation = rememberReadings([], [{ text: 'a 13812345678' }, { text: 'b 13812345678' }], contactsIn, 1);
    conversation = rememberReadings(conversation, [{ text: 'a 13812345678' }], contactsIn, 2);
    expect(conversation.map((entry) => entry.text)).toEqual(['a 13812345678', 'b 13812345678']);
    for (let index = 0; index < MAX_TEXTS + 5; index++) conversation = rememberReadings(conversation, [{ text: `${index} 13812345678` }], contactsIn, 3);
    expect(conversation).toHaveLength(MAX_TEXTS);
  });

  it('reads only the texts about the customer’s contacts', () => {
    const conversation = rememberReadings([], [{ text: '张：13812345678 要红酒' }, { text: '李：13900001111 要发票' }], contactsIn, 1);
    expect(textsAbout(conversation, new Set(['phone:+8613900001111']))).toEqual(['李：13900001111 要发票']);
    expect(textsAbout(conversation, new Set(['email:x@y.z']))).toEqual([]);
  });
});
