import { describe, expect, it, vi } from 'vitest';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import type { ConversationText } from '@/lib/suggest/conversation';
import { createTabConversations } from '../tab-conversations';
import { contactHandlers } from './contacts';
import type { HandlerDependencies } from './dependencies';

function setup({ suggestions = true } = {}) {
  let stored: Record<string, TabContact[]> = {};
  let conversation: Record<string, ConversationText[]> = {};
  const slow = () => new Promise((resolve) => setTimeout(resolve, 1));
  const contactsChanged = vi.fn(async () => undefined);
  const deps = {
    tabContacts: {
      getValue: () => slow().then(() => stored),
      setValue: async (value: Record<string, TabContact[]>) => {
        await slow();
        stored = value;
      },
    },
    detect: (text: string) => [{ kind: 'phone' as const, value: `+86${text.replace(/\D/g, '')}`, start: 0, end: text.length }],
    onTabContactsChanged: () => undefined,
    tabLookups: { contactsChanged },
    conversations: createTabConversations({
      store: { getValue: async () => conversation, setValue: async (value) => void (conversation = value) },
      enabled: async () => suggestions,
      now: () => 5,
    }),
  } as unknown as HandlerDependencies;
  const handlers = contactHandlers(deps);
  const report = (tabId: number, text: string, hidden?: boolean) =>
    handlers['contacts.detected']({ readings: [hidden ? { text, hidden } : { text }] }, { sender: 'content-script', tabId });
  return { stored: () => stored, conversation: () => conversation, contactsChanged, report, handlers };
}

describe('contact handlers', () => {
  it('keeps every tab’s contacts when many tabs report at the same moment', async () => {
    const { stored, report } = setup();
    await Promise.all(
      Array.from({ length: 10 }, (_, tab) => Array.from({ length: 3 }, (_, message) => report(tab, `138000${tab}${message}0000`.slice(0, 11)))).flat(),
    );
    expect(Object.values(stored()).flat()).toHaveLength(30);
  });

  it('tells the tab’s lookup owner of every change, newest first', async () => {
    const { contactsChanged, report } = setup();
    await report(7, '13812345678');
    await report(7, '13900000000');
    expect(contactsChanged).toHaveBeenLastCalledWith(7, [
      expect.objectContaining({ value: '+8613900000000' }),
      expect.objectContaining({ value: '+8613812345678' }),
    ]);
  });

  it('lists a contact seen only in hidden text as hidden, and a hidden copy never moves a contact the agent saw', async () => {
    const { stored, report } = setup();
    await report(7, '13812345678');
    await report(7, '13900000000', true);
    expect(stored()[7]!.map((contact) => [contact.value, contact.hidden ?? false])).toEqual([
      ['+8613900000000', true],
      ['+8613812345678', false],
    ]);
    await report(7, '13812345678', true);
    expect(stored()[7]!.map((contact) => contact.value)).toEqual(['+8613900000000', '+8613812345678']);
    expect(stored()[7]![1]!.hidden).toBeUndefined();
    // Seen for real later: no longer hidden, and the newest.
    await report(7, '13900000000');
    expect(stored()[7]![0]).toMatchObject({ value: '+8613900000000' });
    expect(stored()[7]![0]!.hidden).toBeUndefined();
  });

  it('reads a bounded number of reports per tab, whatever a page sends', async () => {
    const { report, contactsChanged } = setup();
    const replies = await Promise.all(Array.from({ length: 200 }, (_, n) => report(7, `139${String(n).padStart(8, '0')}`)));
    const read = replies.filter((reply) => reply.accepted > 0).length;
    expect(read).toBeLessThan(100);
    expect(read).toBeGreaterThan(0);
    expect(contactsChanged.mock.calls.length).toBe(read);
    // Another tab is not held back by this one.
    expect(await report(8, '13812345678')).toEqual({ accepted: 1 });
  });

  it('keeps what the visitor wrote, seen texts only, as the tab’s conversation, with the contacts each is about', async () => {
    const { conversation, handlers } = setup();
    await handlers['contacts.detected'](
      { readings: [{ text: '我想订红酒 13812345678' }, { text: '别的会话 13900000000', hidden: true }] },
      { sender: 'content-script', tabId: 7 },
    );
    expect(conversation()[7]).toEqual([{ text: '我想订红酒 13812345678', at: 5, contacts: ['phone:+8613812345678'] }]);
  });

  it('keeps no conversation while suggestions are off', async () => {
    const { conversation, report } = setup({ suggestions: false });
    await report(7, '13812345678');
    expect(conversation()).toEqual({});
  });
});
