// How many CRM requests automatic look-ups may spend per tab: a sliding window, every spelling searched
// counted, so no page can drive CRM traffic by writing numbers. Manual look-ups never pass through it.
// Pure (the clock is injected); the background's tab-lookups controller owns one.

export const AUTO_REQUESTS_PER_WINDOW = 20;
export const BUDGET_WINDOW_MS = 60_000;

export function createLookupBudget(now: () => number, limit = AUTO_REQUESTS_PER_WINDOW, windowMs = BUDGET_WINDOW_MS) {
  const spentAt = new Map<number, number[]>();

  function recent(tabId: number): number[] {
    const since = now() - windowMs;
    const kept = (spentAt.get(tabId) ?? []).filter((at) => at > since);
    spentAt.set(tabId, kept);
    return kept;
  }

  return {
    /** Whether an automatic look-up may start in this tab now. */
    allows: (tabId: number) => recent(tabId).length < limit,
    /** Counts `requests` CRM requests an automatic look-up in this tab made. */
    spend(tabId: number, requests: number) {
      const kept = recent(tabId);
      for (let i = 0; i < requests; i++) kept.push(now());
    },
    /** When the tab may look up again by itself, if it may not now. */
    resumesAt(tabId: number): number | undefined {
      const kept = recent(tabId);
      if (kept.length < limit) return undefined;
      return kept[kept.length - limit]! + windowMs;
    },
    forget: (tabId: number) => void spentAt.delete(tabId),
  };
}

export type LookupBudget = ReturnType<typeof createLookupBudget>;
