// "This contact → that customer": the customer the agent chose for a contact that matched several, so the
// next time that contact shows up the panel opens the same customer directly. Kept per CRM connection
// (customer ids mean nothing in another CRM), at most MAX_CHOICES, least recently used dropped; a new
// connection starts empty. Stored in the extension origin's IndexedDB, never where a content script can
// read it. Only the background imports it.
import type { IdbKeyValue } from '../idb';
import type { ContactRef } from './tab-lookup';

const MAX_CHOICES = 300;
const RECORD = 'choices';

interface StoredChoices {
  connection: string;
  /** [contact key, customer id], least recently used first. */
  entries: [string, string][];
}

const keyOf = (contact: ContactRef) => `${contact.kind}:${contact.value}`;

export interface ChoiceMemory {
  recall(connection: string, contact: ContactRef): Promise<string | undefined>;
  remember(connection: string, contact: ContactRef, customerId: string): Promise<void>;
  forget(connection: string, contact: ContactRef): Promise<void>;
}

export function createChoiceMemory(store: Pick<IdbKeyValue, 'get' | 'put'>, max = MAX_CHOICES): ChoiceMemory {
  let cached: Promise<StoredChoices | undefined> | undefined;
  let writes = Promise.resolve();

  async function entriesFor(connection: string): Promise<Map<string, string>> {
    const stored = await (cached ??= store.get<StoredChoices>(RECORD).catch(() => undefined));
    return new Map(stored?.connection === connection ? stored.entries : []);
  }

  /** One change at a time, each written whole: two quick choices never lose one another. */
  function change(connection: string, edit: (entries: Map<string, string>) => void): Promise<void> {
    writes = writes.then(async () => {
      const entries = await entriesFor(connection);
      edit(entries);
      const kept = [...entries].slice(-max);
      const next: StoredChoices = { connection, entries: kept };
      cached = Promise.resolve(next);
      await store.put(RECORD, next);
    });
    return writes.catch(() => undefined);
  }

  return {
    async recall(connection, contact) {
      await writes.catch(() => undefined);
      return (await entriesFor(connection)).get(keyOf(contact));
    },
    remember: (connection, contact, customerId) =>
      change(connection, (entries) => {
        // Deleted first, so the entry moves to the most recent end.
        entries.delete(keyOf(contact));
        entries.set(keyOf(contact), customerId);
      }),
    forget: (connection, contact) => change(connection, (entries) => void entries.delete(keyOf(contact))),
  };
}
