// Keeps the outbox in the extension origin's IndexedDB: writes carry customer data (notes, phone
// numbers), which content scripts must not read (they could read storage.local), and must survive a
// service-worker restart and the browser staying closed. Only the background imports it.
// Invariant: the queue is one record, written in one transaction, so a save is all or nothing and the
// enqueue order (which is the delivery order per customer) is kept exactly.
import type { OutboxStore, OutboxWrite } from './types';

const DB_NAME = 'crm-sidebar-outbox';
const STORE = 'outbox';
const KEY = 'writes';

function open(indexedDb: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDb.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
  });
}

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = action(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result as T);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed.'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction was aborted.'));
  });
}

export function createIndexedDbOutboxStore(indexedDb: IDBFactory = globalThis.indexedDB): OutboxStore {
  let db: Promise<IDBDatabase> | undefined;
  // A failed open is not kept: the next call tries again instead of failing forever.
  const database = () =>
    (db ??= open(indexedDb).catch((error: unknown) => {
      db = undefined;
      throw error;
    }));
  return {
    async load() {
      const stored = await run<unknown>(await database(), 'readonly', (store) => store.get(KEY));
      return Array.isArray(stored) ? (stored as OutboxWrite[]) : [];
    },
    async save(writes) {
      await run(await database(), 'readwrite', (store) => store.put(writes, KEY));
    },
  };
}
