// Each tab's conversation for label suggestions (lib/suggest/conversation.ts), kept in session storage:
// recorded from the page scanner's reports while suggestions are on, read for the customer on screen.
// Reports from many tabs arrive at once, so records are merged one at a time. Only the background imports it.
import type { PageReading } from '@/lib/contacts/page-reading';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { createSerialQueue } from '@/lib/serial';
import { contactKey, rememberReadings, textsAbout, type ConversationText } from '@/lib/suggest/conversation';
import type { Item } from '@/lib/storage';

export interface TabConversationsOptions {
  store: Item<Record<string, ConversationText[]>>;
  /** Whether suggestions are on: when off, nothing the visitor wrote is kept. */
  enabled: () => Promise<boolean>;
  now?: () => number;
}

export function createTabConversations(options: TabConversationsOptions) {
  const serially = createSerialQueue();
  const now = options.now ?? Date.now;
  return {
    /** Keeps the report's visible texts; `contactsIn` gives a text's contacts, `contacts` the tab's list after the report. */
    async record(
      tabId: number,
      readings: readonly PageReading[],
      contactsIn: (text: string) => { kind: string; value: string }[],
      contacts: readonly TabContact[],
    ) {
      if (!readings.some((reading) => !reading.hidden) || !(await options.enabled())) return;
      const newest = contacts.find((contact) => !contact.hidden);
      await serially(async () => {
        const all = await options.store.getValue();
        const keysIn = (text: string) => contactsIn(text).map(contactKey);
        const next = rememberReadings(all[tabId] ?? [], readings, keysIn, now(), newest ? [contactKey(newest)] : []);
        await options.store.setValue({ ...all, [tabId]: next });
      });
    },
    /** The tab's texts about any of the contact keys, newest first. */
    async about(tabId: number, contacts: ReadonlySet<string>): Promise<string[]> {
      return textsAbout((await options.store.getValue())[tabId] ?? [], contacts);
    },
    /** Suggestions were turned off: what was kept goes. */
    forgetAll: () => serially(() => options.store.setValue({})),
  };
}

export type TabConversations = ReturnType<typeof createTabConversations>;
