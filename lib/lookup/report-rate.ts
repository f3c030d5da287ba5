// How many `contacts.detected` reports the background reads per tab: a token bucket, so a page that
// rewrites numbers in a loop costs the background a bounded amount of detection work whatever it does.
// A legitimate first scan of a huge page sends a few dozen reports at once; the burst covers it.
// Pure (the clock is injected); the contacts handler owns one.

const REPORTS_PER_SECOND = 20;
const REPORT_BURST = 60;

export function createReportRate(now: () => number, perSecond = REPORTS_PER_SECOND, burst = REPORT_BURST) {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    /** Takes one report's token for the tab; false when the tab has sent too many too fast. */
    take(tabId: number): boolean {
      const at = now();
      const bucket = buckets.get(tabId) ?? { tokens: burst, at };
      bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * perSecond);
      bucket.at = at;
      buckets.set(tabId, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    forget: (tabId: number) => void buckets.delete(tabId),
  };
}
