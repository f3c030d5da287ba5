import { describe, expect, it, vi } from 'vitest';
import { createListCache, type CacheBackingStore } from './list-cache';

function memory(): CacheBackingStore {
  let value: Record<string, { fetchedAt: number; value: unknown }> = {};
  return { getValue: async () => value, setValue: async (next) => void (value = next) };
}

describe('listCache', () => {
  it('loads once for concurrent readers and serves the cached copy after', async () => {
    const cache = createListCache({ store: memory(), now: () => 0 });
    const loader = vi.fn(async () => ['stage']);
    expect(await Promise.all([cache.get('stages', loader), cache.get('stages', loader)])).toEqual([['stage'], ['stage']]);
    expect(await cache.get('stages', loader)).toEqual(['stage']);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('serves a stale copy at once and refreshes it in the background', async () => {
    let clock = 0;
    const cache = createListCache({ store: memory(), now: () => clock, ttlMs: 1000 });
    await cache.get('labels', async () => 'old');
    clock = 2000;
    const loader = vi.fn(async () => 'new');
    expect(await cache.get('labels', loader)).toBe('old');
    await vi.waitFor(() => expect(loader).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect(await cache.get('labels', loader)).toBe('new'));
  });

  it('keeps the stale copy when the refresh fails', async () => {
    let clock = 0;
    const cache = createListCache({ store: memory(), now: () => clock, ttlMs: 1000 });
    await cache.get('labels', async () => 'old');
    clock = 2000;
    expect(await cache.get('labels', async () => Promise.reject(new Error('down')))).toBe('old');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get('labels', async () => Promise.reject(new Error('down')))).toBe('old');
  });
});

describe('listCache writes', () => {
  it('keeps every entry when several load at once', async () => {
    let value: Record<string, { fetchedAt: number; value: unknown }> = {};
    const slowStore: CacheBackingStore = {
      getValue: async () => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return value;
      },
      setValue: async (next) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        value = next;
      },
    };
    const cache = createListCache({ store: slowStore, now: () => 0 });
    await Promise.all(['labels', 'stages', 'fields', 'sources'].map((key) => cache.get(key, async () => key)));
    expect(Object.keys(value).sort()).toEqual(['fields', 'labels', 'sources', 'stages']);
  });
});
