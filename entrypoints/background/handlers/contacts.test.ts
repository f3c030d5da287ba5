import { describe, expect, it, vi } from 'vitest';
import type { TabContact } from '@/lib/messaging/protocol';
import { contactHandlers } from './contacts';
import type { HandlerDependencies } from './dependencies';

function setup(autoLookupIn: (tabId: number) => boolean = () => false) {
  let stored: Record<string, TabContact[]> = {};
  const slow = () => new Promise((resolve) => setTimeout(resolve, 1));
  const deps = {
    tabContacts: {
      getValue: async () => (await slow(), stored),
      setValue: async (value: Record<string, TabContact[]>) => {
        await slow();
        stored = value;
      },
    },
    detect: (text: string) => [{ kind: 'phone' as const, value: `+86${text}`, start: 0, end: text.length }],
    onTabContactsChanged: () => undefined,
    panels: { autoLookupIn },
  } as unknown as HandlerDependencies;
  const lookUpAhead = vi.fn();
  const handlers = contactHandlers(deps, lookUpAhead);
  const report = (tabId: number, text: string) => handlers['contacts.detected']({ readings: [{ text }] }, { sender: 'content-script', tabId });
  return { stored: () => stored, lookUpAhead, report };
}

describe('contact handlers', () => {
  it('keeps every tab’s contacts when many tabs report at the same moment', async () => {
    const { stored, report } = setup();
    await Promise.all(
      Array.from({ length: 10 }, (_, tab) =>
        Array.from({ length: 3 }, (_, message) => report(tab, `138000${tab}${message}0000`.slice(0, 11))),
      ).flat(),
    );
    expect(Object.values(stored()).flat()).toHaveLength(30);
  });

  it('looks a new newest contact up at once in a tab a panel follows with auto-lookup on', async () => {
    const { lookUpAhead, report } = setup((tabId) => tabId === 7);
    await report(7, '13812345678');
    expect(lookUpAhead).toHaveBeenCalledExactlyOnceWith({ kind: 'phone', value: '+8613812345678' });
    // Seen again while it is still the newest: the panel has nothing new to ask for.
    await report(7, '13812345678');
    expect(lookUpAhead).toHaveBeenCalledTimes(1);
    await report(7, '13900000000');
    expect(lookUpAhead).toHaveBeenLastCalledWith({ kind: 'phone', value: '+8613900000000' });
  });

  it('never looks up ahead in a tab no panel follows with auto-lookup on', async () => {
    const { lookUpAhead, report } = setup((tabId) => tabId === 7);
    await report(8, '13812345678');
    const off = setup(() => false);
    await off.report(7, '13812345678');
    expect(lookUpAhead).not.toHaveBeenCalled();
    expect(off.lookUpAhead).not.toHaveBeenCalled();
  });
});
