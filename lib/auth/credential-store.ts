// Keeps the CRM credentials (appid, app key / app secret) in the extension origin's IndexedDB: extension
// pages and the background can read it, content scripts cannot (they see the page's IndexedDB).
// Only the background imports it; values never go into logs, errors or messages.
import { openKeyValue } from '../idb';

export interface Credentials {
  appid: string;
  /** Sobot app_key or Useasy app secret. */
  secret: string;
}

export interface CredentialStore {
  load(backend: string): Promise<Credentials | undefined>;
  save(backend: string, credentials: Credentials): Promise<void>;
}

export function createCredentialStore(indexedDb: IDBFactory = globalThis.indexedDB): CredentialStore {
  const store = openKeyValue(indexedDb, 'crm-sidebar-secrets', 'credentials');
  return {
    load: (backend) => store.get<Credentials>(backend),
    save: (backend, credentials) => store.put(backend, { ...credentials }),
  };
}
