// Owns the one CRM access token of the profile. Only the background imports it. Invariant: at most one
// token request is in flight at any time, whatever the number of concurrent callers, and a token the
// CRM rejected is replaced once, not once per caller.

export interface IssuedToken {
  token: string;
  /** Epoch ms after which the CRM no longer accepts it. */
  expiresAt: number;
}

export interface TokenStore {
  load(): Promise<IssuedToken | undefined>;
  save(token: IssuedToken | undefined): Promise<void>;
}

export interface TokenHolderOptions {
  issue: () => Promise<IssuedToken>;
  store: TokenStore;
  now?: () => number;
  /** Refresh this long before expiry so no call goes out with a token about to die. */
  refreshMarginMs?: number;
}

export interface TokenHolder {
  get(): Promise<string>;
  /** The CRM said `rejected` is empty or expired: replace it unless someone already has. */
  replaceRejected(rejected: string): Promise<string>;
  /** Issues a new token now (proving the credentials) and keeps it for every later call. */
  renew(): Promise<string>;
  clear(): Promise<void>;
}

export function createTokenHolder(options: TokenHolderOptions): TokenHolder {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  let current: IssuedToken | undefined;
  let loaded: Promise<void> | undefined;
  let inFlight: Promise<IssuedToken> | undefined;

  const ensureLoaded = () =>
    (loaded ??= options.store.load().then((stored) => {
      current ??= stored;
    }));

  const isFresh = (token: IssuedToken | undefined): token is IssuedToken => token !== undefined && token.expiresAt - margin > now();

  function refresh(): Promise<IssuedToken> {
    inFlight ??= options
      .issue()
      .then(async (issued) => {
        current = issued;
        await options.store.save(issued);
        return issued;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    async get() {
      await ensureLoaded();
      if (isFresh(current)) return current.token;
      return (await refresh()).token;
    },
    async replaceRejected(rejected) {
      await ensureLoaded();
      if (current && current.token !== rejected && isFresh(current)) return current.token;
      if (inFlight) return (await inFlight).token;
      current = undefined;
      return (await refresh()).token;
    },
    async renew() {
      await ensureLoaded();
      return (await refresh()).token;
    },
    async clear() {
      current = undefined;
      loaded = Promise.resolve();
      await options.store.save(undefined);
    },
  };
}
