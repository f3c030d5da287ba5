// How long the outbox waits before trying a write again. Pure; only lib/outbox/ imports it.
// Invariant: the delay grows with every failure, never exceeds the cap, and is jittered so that many
// panels (or many writes) failing together do not hit a recovering CRM in lockstep.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * The wait after the `failures`-th failure in a row (1, 2, …): base·2^(failures−1), capped, then
 * scaled into [½, 1] of itself by `random` (0 ≤ random < 1 from Math.random, or injected in tests).
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
