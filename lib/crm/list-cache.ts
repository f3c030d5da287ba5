// Caches the lists a CRM account defines (label groups, stages, custom fields, sources, agents, regions)
// so a lookup costs one CRM request. Stale entries are served at once and refreshed behind the caller's
// back; only a missing entry makes the caller wait. Only the background imports it.

import { createSerialQueue } from '../serial';

export interface CacheBackingStore {
  getValue(): Promise<Record<string, { fetchedAt: number; value: unknown }>>;
  setValue(value: Record<string, { fetchedAt: number; value: unknown }>): Promise<void>;
}

export interface ListCacheOptions {
  store: CacheBackingStore;
  ttlMs?: number;
  now?: () => number;
}

export function createListCache(options: ListCacheOptions) {
  const ttl = options.ttlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const loading = new Map<string, Promise<unknown>>();
  // Several entries load at once (label groups, stages, fields): their writes must not overwrite each other.
  const serially = createSerialQueue();

  function load<T>(key: string, loader: () => Promise<T>): Promise<T> {
    const pending = loading.get(key);
    if (pending) return pending as Promise<T>;
    const promise = loader()
      .then(async (value) => {
        await serially(async () => {
          const entries = await options.store.getValue();
          await options.store.setValue({ ...entries, [key]: { fetchedAt: now(), value } });
        });
        return value;
      })
      .finally(() => loading.delete(key));
    loading.set(key, promise);
    return promise;
  }

  return {
    async get<T>(key: string, loader: () => Promise<T>): Promise<T> {
      const entry = (await options.store.getValue())[key];
      if (!entry) return load(key, loader);
      if (now() - entry.fetchedAt > ttl) {
        // Serve the stale copy now; a failed refresh keeps it and is tried again on the next read.
        load(key, loader).catch(() => undefined);
      }
      return entry.value as T;
    },
    forget: (key: string) =>
      serially(async () => {
        const { [key]: _dropped, ...rest } = await options.store.getValue();
        await options.store.setValue(rest);
      }),
    clear: () => serially(() => options.store.setValue({})),
  };
}

export type ListCache = ReturnType<typeof createListCache>;
