import { describe, expect, it } from 'vitest';
import { createLookupBudget } from './lookup-budget';
import { createReportRate } from './report-rate';

describe('the automatic look-up budget of a tab', () => {
  it('allows a burst of requests, then pauses until the steady rate refills it, and says when it resumes', () => {
    const clock = { now: 1_000_000 };
    const budget = createLookupBudget(() => clock.now, 6, 10);
    budget.spend(1, 9);
    expect(budget.allows(1)).toBe(true);
    budget.spend(1, 5);
    expect(budget.allows(1)).toBe(false);
    // Four short: at six a minute, one request back every ten seconds.
    expect(budget.resumesAt(1)).toBe(1_000_000 + 50_000);
    // Another tab has its own budget.
    expect(budget.allows(2)).toBe(true);
    clock.now += 50_000;
    expect(budget.allows(1)).toBe(true);
    expect(budget.resumesAt(1)).toBeUndefined();
  });
});

describe('the report rate of a tab', () => {
  it('lets a burst through, then only the steady rate', () => {
    const clock = { now: 0 };
    const rate = createReportRate(() => clock.now, 10, 20);
    const taken = Array.from({ length: 30 }, () => rate.take(1)).filter(Boolean).length;
    expect(taken).toBe(20);
    clock.now += 1_000;
    expect(Array.from({ length: 30 }, () => rate.take(1)).filter(Boolean).length).toBe(10);
    expect(rate.take(2)).toBe(true);
  });
});
