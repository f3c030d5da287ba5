import { describe, expect, it } from 'vitest';
import { createLookupBudget } from './lookup-budget';
import { createReportRate } from './report-rate';

describe('the automatic look-up budget of a tab', () => {
  it('allows look-ups until the requests of the last minute reach the limit, then says when it resumes', () => {
    const clock = { now: 1_000_000 };
    const budget = createLookupBudget(() => clock.now, 5, 60_000);
    budget.spend(1, 4);
    expect(budget.allows(1)).toBe(true);
    clock.now += 10_000;
    budget.spend(1, 1);
    expect(budget.allows(1)).toBe(false);
    expect(budget.resumesAt(1)).toBe(1_000_000 + 60_000);
    // Another tab has its own budget.
    expect(budget.allows(2)).toBe(true);
    clock.now = 1_000_000 + 60_001;
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
