// Test helpers every mock's own tests share: calling the control API, one mock per suite on an ephemeral
// port, and timing a request. Only *.test.ts files and the backends' test-support.ts import this.
import { afterAll, beforeAll, beforeEach } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: loose on purpose, tests poke at whatever shape the mock answers with
export type Json = any;

export type ControlMethod = 'GET' | 'POST' | 'DELETE';

/** Calls `/__control/<path>` of the mock at `baseUrl`: POST when there is a body, GET otherwise. */
export function controlClient(baseUrl: string) {
  return async (path: string, body?: unknown, method: ControlMethod = body === undefined ? 'GET' : 'POST') => {
    const response = await fetch(`${baseUrl}/__control/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  };
}

/** What mockPerSuite needs of a backend's test mock. */
export interface SuiteMock {
  mock: { close(): Promise<void> };
  control(path: string, body?: unknown): Promise<unknown>;
}

/**
 * Starts one mock for the enclosing describe block and closes it after, resetting it before each test
 * unless `resetEach` is false. The returned object is filled in by beforeAll, so tests read it as the
 * started mock while the suite body can name it at collection time.
 */
export function mockPerSuite<T extends SuiteMock>(start: () => Promise<T>, { resetEach = true } = {}): T {
  const suite = {} as T;
  beforeAll(async () => {
    Object.assign(suite, await start());
  });
  if (resetEach) {
    beforeEach(async () => {
      await suite.control('reset', {});
    });
  }
  afterAll(() => suite.mock.close());
  return suite;
}

/** Milliseconds `work` took, for the latency fault. */
export async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
