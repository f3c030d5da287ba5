// Keeps the outbox in the extension origin's IndexedDB: writes carry customer data (notes, phone
// numbers), which content scripts must not read (they could read storage.local), and must survive a
// service-worker restart and the browser staying closed. Only the background imports it.
// Invariant: the queue is one record, written in one transaction, so a save is all or nothing and the
// enqueue order (which is the delivery order per customer) is kept exactly.
import { openKeyValue } from '../idb';
import type { OutboxStore, OutboxWrite } from './types';

const KEY = 'writes';

export function createIndexedDbOutboxStore(indexedDb: IDBFactory = globalThis.indexedDB): OutboxStore {
  const store = openKeyValue(indexedDb, 'crm-sidebar-outbox', 'outbox');
  return {
    async load() {
      const stored = await store.get<unknown>(KEY);
      return Array.isArray(stored) ? (stored as OutboxWrite[]) : [];
    },
    save: (writes) => store.put(KEY, writes),
  };
}
