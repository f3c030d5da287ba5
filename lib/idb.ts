// A key-value store in one IndexedDB object store of the extension origin — readable by the background
// and extension pages, never by content scripts (they see the page's IndexedDB). The credential store
// and the outbox build on it; nothing else should need IndexedDB.
// Invariant: every get/put is its own transaction, settled only when the transaction completes.

export interface IdbKeyValue {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

function open(indexedDb: IDBFactory, dbName: string, storeName: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDb.open(dbName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
  });
}

function run<T>(db: IDBDatabase, storeName: string, mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, mode);
    const request = action(transaction.objectStore(storeName));
    transaction.oncomplete = () => resolve(request.result as T);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed.'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction was aborted.'));
  });
}

export function openKeyValue(indexedDb: IDBFactory, dbName: string, storeName: string): IdbKeyValue {
  let db: Promise<IDBDatabase> | undefined;
  // A failed open is not kept: the next call tries again instead of failing forever.
  const database = () =>
    (db ??= open(indexedDb, dbName, storeName).catch((error: unknown) => {
      db = undefined;
      throw error;
    }));
  return {
    async get<T>(key: string) {
      return run<T | undefined>(await database(), storeName, 'readonly', (store) => store.get(key));
    },
    async put(key, value) {
      await run(await database(), storeName, 'readwrite', (store) => store.put(value, key));
    },
  };
}
