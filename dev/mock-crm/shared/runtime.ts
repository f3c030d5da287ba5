// The mutable side of a running mock: its data, its faults and its request log, and the reset that puts
// all three back together so a reset can never leave a fault on or stale entries in the log. Each
// backend's server.ts creates one from its seed.
import { createFaults } from './faults';
import { createRequestLog } from './request-log';

export function createMockRuntime<State>(seed: () => State) {
  const faults = createFaults();
  const log = createRequestLog();
  let state = seed();
  return {
    state: () => state,
    faults,
    log,
    /** Back to the seed, faults off, request log cleared. */
    reset() {
      state = seed();
      faults.clear();
      log.clear();
    },
  };
}
