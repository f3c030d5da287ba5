// Keeps the CRM credentials (appid, app key / app secret) in the extension origin's IndexedDB: extension
// pages and the background can read it, content scripts cannot (they see the page's IndexedDB).
// Only the background imports it; values never go into logs, errors or messages.

export interface Credentials {
  appid: string;
  /** Sobot app_key or Useasy app secret. */
  secret: string;
}

const DB_NAME = 'crm-sidebar-secrets';
const STORE = 'credentials';

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
  });
}

export interface CredentialStore {
  load(backend: string): Promise<Credentials | undefined>;
  save(backend: string, credentials: Credentials): Promise<void>;
}

export function createCredentialStore(indexedDb: IDBFactory = globalThis.indexedDB): CredentialStore {
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= open(indexedDb));
  return {
    async load(backend) {
      return run<Credentials | undefined>(await database(), 'readonly', (store) => store.get(backend));
    },
    async save(backend, credentials) {
      await run(await database(), 'readwrite', (store) => store.put({ ...credentials }, backend));
    },
  };
}
