// Keeps the CRM credentials (appid, app key / app secret) in the extension origin's IndexedDB: extension
// pages and the background can read it, content scripts cannot (they see the page's IndexedDB).
// Only the background imports it; values never go into logs, errors or messages.
// Invariant: a secret is stored with the origin it was entered for, and is only ever used to sign
// requests to that origin (lib/crm/session.ts checks it before every backend is built).
import { originOf } from '../crm/hosts';
import { openKeyValue } from '../idb';

export interface Credentials {
  appid: string;
  /** Sobot app_key or Useasy app secret. */
  secret: string;
  /**
   * The CRM origin (scheme, host, port) the secret was entered for. Absent only on credentials stored
   * before secrets were bound; withPolicy binds those to the address saved with them.
   */
  origin?: string;
}

export interface CredentialStore {
  load(backend: string): Promise<Credentials | undefined>;
  save(backend: string, credentials: Credentials): Promise<void>;
}

/** Whether these credentials may sign requests to `baseUrl`: a secret, entered for that very origin. */
export function secretBoundTo(credentials: Credentials | undefined, baseUrl: string): boolean {
  return Boolean(credentials?.secret && credentials.origin && credentials.origin === originOf(baseUrl));
}

export function createCredentialStore(indexedDb: IDBFactory = globalThis.indexedDB): CredentialStore {
  const store = openKeyValue(indexedDb, 'crm-sidebar-secrets', 'credentials');
  return {
    load: (backend) => store.get<Credentials>(backend),
    save: (backend, credentials) => store.put(backend, { ...credentials }),
  };
}
