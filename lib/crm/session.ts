// The background's current CRM connection: builds the backend from the saved settings and credentials
// on first use and rebuilds it when either changes. Only the background imports it.
import { connectionKeyOf } from './connection-key';
import type { CredentialStore, Credentials } from '../auth/credential-store';
import type { IssuedToken, TokenStore } from '../auth/token-holder';
import type { Settings } from '../storage';
import type { CrmBackend } from './backend';
import { CrmError } from './errors';
import { createBackend, type BackendDependencies } from './registry';

export interface CrmSessionOptions {
  loadSettings: () => Promise<Settings>;
  credentials: CredentialStore;
  token: {
    load(): Promise<{ connection: string; token: IssuedToken } | null>;
    save(value: { connection: string; token: IssuedToken } | null): Promise<void>;
  };
  fetch?: BackendDependencies['fetch'];
}

export function createCrmSession(options: CrmSessionOptions) {
  let current: { key: string; backend: CrmBackend } | undefined;

  /** A token store that only hands out a token issued for this exact connection. */
  function tokenStoreFor(connection: string): TokenStore {
    return {
      async load() {
        const stored = await options.token.load();
        return stored?.connection === connection ? stored.token : undefined;
      },
      save: (token) => options.token.save(token ? { connection, token } : null),
    };
  }

  // Settings and credentials are read once and kept until invalidate(): a lookup should cost a CRM
  // request, not a storage and an IndexedDB read before it.
  let loaded: Promise<{ settings: Settings; credentials: Credentials | undefined }> | undefined;
  const configuration = () =>
    (loaded ??= options.loadSettings().then(async (settings) => ({ settings, credentials: await options.credentials.load(settings.backend) })));

  return {
    /** Forgets the kept settings and credentials; call it whenever either may have changed. */
    invalidate() {
      loaded = undefined;
    },

    /** Identifies the connection, so caches keyed by it never mix two CRMs' data. */
    async connectionKey(): Promise<string | undefined> {
      const { settings, credentials } = await configuration();
      return credentials ? connectionKeyOf(settings.backend, settings.baseUrl, credentials.appid) : undefined;
    },

    /**
     * The backend of the current connection. Given the connection a write was made for, it refuses to
     * hand out another's: checked on the same read of the settings the backend is built from.
     */
    async backend(madeFor?: string): Promise<CrmBackend> {
      const { settings, credentials } = await configuration();
      if (!credentials?.appid || !credentials.secret || !settings.baseUrl) {
        throw new CrmError('not-configured', 'The CRM connection is not set up yet.');
      }
      const connection = connectionKeyOf(settings.backend, settings.baseUrl, credentials.appid);
      if (madeFor !== undefined && madeFor !== connection) {
        throw new CrmError('connection-changed', 'The CRM connection changed since this write was made.');
      }
      const key = `${connection}|${credentials.secret}|${settings.signatureRecipe ?? ''}`;
      if (current?.key !== key) {
        current = {
          key,
          backend: createBackend(
            settings.backend,
            { baseUrl: settings.baseUrl, appid: credentials.appid, secret: credentials.secret, signatureRecipe: settings.signatureRecipe },
            { tokenStore: tokenStoreFor(connection), fetch: options.fetch },
          ),
        };
      }
      return current.backend;
    },
  };
}

export type CrmSession = ReturnType<typeof createCrmSession>;
