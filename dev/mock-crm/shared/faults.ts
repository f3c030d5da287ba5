// The faults the control API can switch on for API requests: added latency, the server being down,
// and failing requests (HTTP 500, dropped connection, malformed body, no answer at all), by rate or
// for the next N requests, optionally only for one endpoint and optionally after the write happened.
// Each backend's server.ts creates one; shared/server.ts applies it and shared/control.ts sets it.
import { createRandom } from './prng';

export const FAILURE_KINDS = ['http500', 'drop', 'malformed', 'timeout'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface FailurePlan {
  kind: FailureKind;
  /** Probability per matching request, 0–1. */
  rate?: number;
  /** Fail exactly the next N matching requests, then stop. */
  next?: number;
  /** Only requests counted under this endpoint name (as in the request log). */
  endpoint?: string;
  /** Handle the request (change state) and then fail the answer: an ambiguous failure. */
  applied?: boolean;
}

export type DownMode = 'close' | '503';

// Rate-based failures draw from a seeded generator, so a benchmark run is reproducible.
const FAULT_SEED = 7;

export function createFaults() {
  let latencyMs = 0;
  let down: DownMode | undefined;
  let plan: FailurePlan | undefined;
  let random = createRandom(FAULT_SEED);

  function setFailures(next: FailurePlan | undefined) {
    plan = next;
    random = createRandom(FAULT_SEED);
  }

  return {
    latencyMs: () => latencyMs,
    setLatency(ms: number) {
      latencyMs = ms;
    },
    down: () => down,
    setDown(mode: DownMode | undefined) {
      down = mode;
    },
    plan: () => plan,
    setFailures,
    /** Whether this request fails; consumes one of `next`. */
    failureFor(endpoint: string): FailurePlan | undefined {
      if (!plan || (plan.endpoint && plan.endpoint !== endpoint)) return undefined;
      if (plan.next !== undefined) {
        if (plan.next <= 0) return undefined;
        plan.next -= 1;
        return plan;
      }
      return random.next() < (plan.rate ?? 0) ? plan : undefined;
    },
    clear() {
      latencyMs = 0;
      down = undefined;
      setFailures(undefined);
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
