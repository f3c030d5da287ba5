import { describe, expect, it, vi } from 'vitest';
import { type Item, mirrored } from './storage';

function countingItem<T>(initial: T) {
  let stored = initial;
  const item = {
    getValue: vi.fn(async () => stored),
    setValue: vi.fn(async (value: T) => {
      stored = value;
    }),
  } satisfies Item<T>;
  return { item, stored: () => stored };
}

describe('a mirrored item', () => {
  it('reads storage once, then answers from memory, and writes through to storage', async () => {
    const { item, stored } = countingItem<Record<string, number>>({ 7: 1 });
    const mirror = mirrored(item);
    expect(await mirror.getValue()).toEqual({ 7: 1 });
    expect(await mirror.getValue()).toEqual({ 7: 1 });
    expect(item.getValue).toHaveBeenCalledTimes(1);

    await mirror.setValue({ 7: 2 });
    expect(stored()).toEqual({ 7: 2 });
    expect(await mirror.getValue()).toEqual({ 7: 2 });
    expect(item.getValue).toHaveBeenCalledTimes(1);
  });

  it('answers a read made while a write is on its way with what is being written', async () => {
    const { item } = countingItem({ count: 0 });
    const mirror = mirrored(item);
    const writing = mirror.setValue({ count: 1 });
    expect(await mirror.getValue()).toEqual({ count: 1 });
    await writing;
    expect(item.getValue).not.toHaveBeenCalled();
  });
});
