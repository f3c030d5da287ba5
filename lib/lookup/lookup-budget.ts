// How many CRM requests automatic look-ups may spend per tab: a bucket of AUTO_REQUEST_BURST requests,
// refilled at AUTO_REQUESTS_PER_MINUTE, every spelling searched counted, so no page can drive CRM traffic
// by writing numbers, while an agent moving through a few conversations quickly is never held back.
// Manual look-ups never pass through it. Pure (the clock is injected); the tab-lookups controller owns one.

const AUTO_REQUESTS_PER_MINUTE = 20;
const AUTO_REQUEST_BURST = 40;

export function createLookupBudget(now: () => number, perMinute = AUTO_REQUESTS_PER_MINUTE, burst = AUTO_REQUEST_BURST) {
  const buckets = new Map<number, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;

  function bucket(tabId: number) {
    const at = now();
    const current = buckets.get(tabId) ?? { tokens: burst, at };
    current.tokens = Math.min(burst, current.tokens + (at - current.at) * perMs);
    current.at = at;
    buckets.set(tabId, current);
    return current;
  }

  return {
    /** Whether an automatic look-up may start in this tab now. */
    allows: (tabId: number) => bucket(tabId).tokens >= 1,
    /** Counts `requests` CRM requests an automatic look-up in this tab made (the bucket may go below zero). */
    spend(tabId: number, requests: number) {
      bucket(tabId).tokens -= requests;
    },
    /** When the tab may look up again by itself, if it may not now. */
    resumesAt(tabId: number): number | undefined {
      const { tokens, at } = bucket(tabId);
      return tokens >= 1 ? undefined : at + Math.ceil((1 - tokens) / perMs);
    },
    forget: (tabId: number) => void buckets.delete(tabId),
  };
}

export type LookupBudget = ReturnType<typeof createLookupBudget>;
