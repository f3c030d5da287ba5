// The background's current CRM connection: builds the backend from the saved settings and credentials
// on first use and rebuilds it when either changes, and tries a new connection out before it replaces
// the one in use. Only the background imports it.
// Invariant: a secret signs requests only for the origin it was entered for (secretBoundTo).
import { connectionKeyOf, currentConnectionKey } from './connection-key';
import { secretBoundTo, type CredentialStore, type Credentials } from '../auth/credential-store';
import type { IssuedToken, TokenStore } from '../auth/token-holder';
import type { Settings } from '../settings/settings';
import type { CrmBackend } from './backend';
import { CrmError } from './errors';
import { createBackend, type BackendDependencies } from './connect';

export interface CrmSessionOptions {
  loadSettings: () => Promise<Settings>;
  credentials: CredentialStore;
  token: {
    load(): Promise<{ connection: string; token: IssuedToken } | null>;
    save(value: { connection: string; token: IssuedToken } | null): Promise<void>;
  };
  fetch?: BackendDependencies['fetch'];
}

/** A connection as it would be saved: settings plus the credentials for its backend. */
export interface ConnectionConfig {
  settings: Settings;
  credentials: Credentials | undefined;
}

/** The connection's key when it can be used: an account, an address and a secret bound to that address. */
export function usableConnection({ settings, credentials }: ConnectionConfig): string | undefined {
  if (!credentials?.appid || !settings.baseUrl || !secretBoundTo(credentials, settings.baseUrl)) return undefined;
  return connectionKeyOf(settings.backend, settings.baseUrl, credentials.appid);
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

  function build({ settings, credentials }: ConnectionConfig, tokenStore: TokenStore): CrmBackend {
    const { appid, secret } = credentials!;
    return createBackend(
      settings.backend,
      { baseUrl: settings.baseUrl, appid, secret, signatureRecipe: settings.signatureRecipe },
      { tokenStore, fetch: options.fetch },
    );
  }

  // Settings and credentials are read once and kept until invalidate(): a lookup should cost a CRM
  // request, not a storage and an IndexedDB read before it.
  let loaded: Promise<ConnectionConfig> | undefined;
  const configuration = () =>
    (loaded ??= options.loadSettings().then(async (settings) => ({ settings, credentials: await options.credentials.load(settings.backend) })));

  return {
    /** Forgets the kept settings and credentials; call it whenever either may have changed. */
    invalidate() {
      loaded = undefined;
    },

    /** Identifies the connection (when one is usable), so caches keyed by it never mix two CRMs' data. */
    async connectionKey(): Promise<string | undefined> {
      return usableConnection(await configuration());
    },

    /**
     * The backend of the current connection. Given the connection a write was made for, it refuses to
     * hand out another's: checked on the same read of the settings the backend is built from.
     */
    async backend(madeFor?: string): Promise<CrmBackend> {
      const config = await configuration();
      const connection = usableConnection(config);
      if (!connection) {
        if (config.credentials?.secret && config.settings.baseUrl) {
          throw new CrmError('key-required', 'The key was entered for another CRM address: enter it again for this one.');
        }
        throw new CrmError('not-configured', 'The CRM connection is not set up yet.');
      }
      if (madeFor !== undefined && currentConnectionKey(madeFor) !== connection) {
        throw new CrmError('connection-changed', 'The CRM connection changed since this write was made.');
      }
      const key = `${connection}|${config.credentials!.secret}|${config.settings.signatureRecipe ?? ''}`;
      if (current?.key !== key) current = { key, backend: build(config, tokenStoreFor(connection)) };
      return current.backend;
    },

    /**
     * Tries a connection that is not saved yet: issues a token and makes one call. Throws what went
     * wrong; nothing of the connection in use is touched. Answers the token issued, to adopt on saving.
     */
    async tryConnection(candidate: ConnectionConfig): Promise<IssuedToken | undefined> {
      if (!usableConnection(candidate)) throw new CrmError('key-required', 'Enter the key for this CRM address.');
      let issued: IssuedToken | undefined;
      const trial: TokenStore = { load: async () => undefined, save: async (token) => void (issued = token) };
      await build(candidate, trial).testConnection();
      return issued;
    },

    /** Replaces the one stored token: the old connection's is dropped, a tried connection's kept. */
    async replaceToken(connection: string, token: IssuedToken | undefined): Promise<void> {
      await options.token.save(token ? { connection, token } : null);
    },
  };
}

export type CrmSession = ReturnType<typeof createCrmSession>;
