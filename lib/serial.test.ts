import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial';

describe('createSerialQueue', () => {
  it('never interleaves read-modify-write steps, so no update is lost', async () => {
    let stored: string[] = [];
    const serially = createSerialQueue();
    const append = (value: string) =>
      serially(async () => {
        const read = [...stored];
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        stored = [...read, value];
      });
    await Promise.all(Array.from({ length: 30 }, (_, index) => append(String(index))));
    expect(stored).toHaveLength(30);
  });

  it('keeps going after a failed step and reports the failure to its caller', async () => {
    const serially = createSerialQueue();
    await expect(serially(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await serially(async () => 'next')).toBe('next');
  });
});
