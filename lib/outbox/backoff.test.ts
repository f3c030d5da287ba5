import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from 2 s per failure and stops at 5 min', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((failures) => Math.round(backoffDelay(failures, top) / 1000))).toEqual([
      2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300,
    ]);
  });

  it('jitters each wait within the upper half of its step', () => {
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(1, () => 0.5)).toBe(1_500);
    expect(backoffDelay(9, () => 0)).toBe(150_000);
  });

  it('follows a given policy', () => {
    expect(backoffDelay(3, () => 1, { baseMs: 100, capMs: 250 })).toBe(250);
    expect(backoffDelay(2, () => 1, { baseMs: 100, capMs: 250 })).toBe(200);
  });
});
