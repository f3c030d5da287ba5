import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatAgo, formatContact, formatPhone, formatShortTime, formatTime } from './format';

describe('formatContact', () => {
  it.each([
    ['+8613812345678', '138 1234 5678'],
    ['+861062345678', '010-62345678'],
    ['+8675586013388', '0755-86013388'],
    ['+12025550123', '+12025550123'],
  ])('shows %s as %s', (value, shown) => {
    expect(formatContact({ kind: 'phone', value })).toBe(shown);
  });

  it('shows an email as it is', () => {
    expect(formatContact({ kind: 'email', value: 'a.b@example.com' })).toBe('a.b@example.com');
  });
});

describe('formatPhone', () => {
  it.each([
    ['13812345678', '138 1234 5678'],
    ['+8613912345678', '139 1234 5678'],
    ['+86 139 1234 5678', '139 1234 5678'],
    ['010-62345678', '010-62345678'],
    ['0086 10 6234 5678', '010-62345678'],
    ['+1 (202) 555-0123', '+12025550123'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('shows the stored %s as %s, like a detected one', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });
});

describe('formatShortTime', () => {
  it('leaves the year out within the same year only', () => {
    const now = Date.UTC(2024, 10, 20, 12);
    expect(formatShortTime(Date.UTC(2024, 10, 19, 6, 5), 'en-US', now)).not.toMatch(/2024/);
    expect(formatShortTime(Date.UTC(2023, 10, 19, 6, 5), 'en-US', now)).toMatch(/2023/);
  });
});

describe('formatAgo', () => {
  const now = Date.UTC(2024, 10, 20, 12);

  it('says minutes, hours and days ago within a week, and nothing within the minute', () => {
    expect(formatAgo(now - 30_000, 'en-US', now)).toBeUndefined();
    expect(formatAgo(now - 2 * 60_000, 'en-US', now)).toBe('2 min. ago');
    expect(formatAgo(now - 3 * 86_400_000, 'zh-CN', now)).toBe('3天前');
  });

  it('gives the day alone after a week, with the year only when it is another', () => {
    expect(formatAgo(Date.UTC(2024, 9, 19, 12), 'en-US', now)).toBe('10/19');
    expect(formatAgo(Date.UTC(2023, 10, 19, 12), 'zh-CN', now)).toBe('2023/11/19');
  });
});

describe('formatTime', () => {
  it('is empty without a time and readable with one', () => {
    expect(formatTime(undefined)).toBe('');
    expect(formatTime(Date.UTC(2024, 2, 15, 6, 30), 'en-US')).toMatch(/2024/);
  });

  describe('formatters', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('builds one formatter per locale and reuses it, since a card formats several times', () => {
      const Real = Intl.DateTimeFormat;
      // biome-ignore lint/complexity/useArrowFunction: formatTime calls it with `new`, which an arrow function cannot take
      const built = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Real>) {
        return new Real(...args);
      } as typeof Real);
      const first = formatTime(Date.UTC(2024, 2, 15, 6, 30), 'de-DE');
      const second = formatTime(Date.UTC(2025, 0, 2, 8, 0), 'de-DE');
      formatTime(Date.UTC(2025, 0, 2, 8, 0), 'fr-FR');
      expect(built).toHaveBeenCalledTimes(2);
      expect(first).toMatch(/2024/);
      expect(second).toMatch(/2025/);
      expect(formatTime(Date.UTC(2025, 0, 2, 8, 0), 'de-DE')).toBe(second);
    });
  });
});
