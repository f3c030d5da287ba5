// What reached the API: one entry per request and a count per endpoint, so tests and benchmarks can
// assert how many CRM calls a user action cost. Each backend's server.ts creates one; shared/server.ts
// writes it and shared/control.ts reads and clears it.
export interface LogEntry {
  method: string;
  path: string;
  /** The route's name without parameters, e.g. "user/list_by_page", or "get_token". */
  endpoint: string;
  /** HTTP status; 0 when no answer was sent (dropped, timed out, server down). */
  status: number;
  /** The envelope's code, whatever the backend calls it (Sobot's ret_code, Useasy's code). */
  ret_code: string | null;
  /** Epoch milliseconds when the answer was decided. */
  at: number;
  fault?: string;
}

// Long benchmark runs would otherwise grow the log without bound; counts stay exact regardless.
const MAX_ENTRIES = 10_000;

export function createRequestLog() {
  let entries: LogEntry[] = [];
  let counts: Record<string, number> = {};
  return {
    add(entry: LogEntry) {
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
      counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;
    },
    clear() {
      entries = [];
      counts = {};
    },
    snapshot: () => ({ entries: [...entries], counts: { ...counts }, total: Object.values(counts).reduce((a, b) => a + b, 0) }),
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
