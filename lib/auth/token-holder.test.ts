import { describe, expect, it, vi } from 'vitest';
import { createTokenHolder, type IssuedToken, type TokenStore } from './token-holder';

function memoryStore(initial?: IssuedToken): TokenStore & { saved: (IssuedToken | undefined)[] } {
  let value = initial;
  const saved: (IssuedToken | undefined)[] = [];
  return {
    saved,
    load: async () => value,
    save: async (token) => {
      value = token;
      saved.push(token);
    },
  };
}

function issuer(now: () => number, lifetimeMs = 86_400_000) {
  let count = 0;
  const issue = vi.fn(async () => {
    count += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { token: `t${count}`, expiresAt: now() + lifetimeMs };
  });
  return issue;
}

describe('tokenHolder', () => {
  it('issues one token for fifty concurrent callers', async () => {
    const now = () => 1_000_000;
    const issue = issuer(now);
    const holder = createTokenHolder({ issue, store: memoryStore(), now });
    const tokens = await Promise.all(Array.from({ length: 50 }, () => holder.get()));
    expect(issue).toHaveBeenCalledTimes(1);
    expect(new Set(tokens)).toEqual(new Set(['t1']));
  });

  it('reuses a stored token across restarts until shortly before it expires', async () => {
    let clock = 0;
    const now = () => clock;
    const store = memoryStore({ token: 'stored', expiresAt: 3_600_000 });
    const issue = issuer(now);
    const holder = createTokenHolder({ issue, store, now, refreshMarginMs: 300_000 });
    expect(await holder.get()).toBe('stored');
    clock = 3_600_000 - 300_001;
    expect(await holder.get()).toBe('stored');
    clock = 3_600_000 - 299_999;
    expect(await holder.get()).toBe('t1');
    expect(issue).toHaveBeenCalledTimes(1);
    expect(store.saved.at(-1)?.token).toBe('t1');
  });

  it('replaces a rejected token once, however many callers saw the rejection', async () => {
    const now = () => 0;
    const issue = issuer(now);
    const holder = createTokenHolder({ issue, store: memoryStore(), now });
    const first = await holder.get();
    const replaced = await Promise.all(Array.from({ length: 20 }, () => holder.replaceRejected(first)));
    expect(new Set(replaced)).toEqual(new Set(['t2']));
    // A late caller still holding the old token gets the new one without another request.
    expect(await holder.replaceRejected(first)).toBe('t2');
    expect(issue).toHaveBeenCalledTimes(2);
  });

  it('lets the next caller try again when issuing fails', async () => {
    const now = () => 0;
    const issue = vi.fn<() => Promise<IssuedToken>>().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce({ token: 'ok', expiresAt: 10_000_000 });
    const holder = createTokenHolder({ issue, store: memoryStore(), now });
    await expect(holder.get()).rejects.toThrow('down');
    expect(await holder.get()).toBe('ok');
  });

  it('renews on request and keeps the new token for later callers', async () => {
    const now = () => 0;
    const store = memoryStore({ token: 'old', expiresAt: 10_000_000 });
    const issue = issuer(now);
    const holder = createTokenHolder({ issue, store, now });
    expect(await holder.renew()).toBe('t1');
    expect(await holder.get()).toBe('t1');
    expect(issue).toHaveBeenCalledTimes(1);
  });

  it('forgets the token when cleared', async () => {
    const now = () => 0;
    const store = memoryStore({ token: 'old', expiresAt: 10_000_000 });
    const issue = issuer(now);
    const holder = createTokenHolder({ issue, store, now });
    await holder.clear();
    expect(await holder.get()).toBe('t1');
  });
});
