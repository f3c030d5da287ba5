import { describe, expect, it } from 'vitest';
import type { TabContact } from '@/lib/messaging/protocol';
import { contactHandlers } from './contacts';
import type { HandlerDependencies } from './dependencies';

describe('contact handlers', () => {
  it('keeps every tab’s contacts when many tabs report at the same moment', async () => {
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
    } as unknown as HandlerDependencies;
    const handlers = contactHandlers(deps);
    await Promise.all(
      Array.from({ length: 10 }, (_, tab) =>
        Array.from({ length: 3 }, (_, message) => {
          const raw = `138000${tab}${message}0000`.slice(0, 11);
          return handlers['contacts.detected']({ readings: [{ text: raw }] }, { sender: 'content-script', tabId: tab });
        }),
      ).flat(),
    );
    expect(Object.values(stored).flat()).toHaveLength(30);
  });
});
