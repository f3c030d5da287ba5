// The server skeleton with a one-endpoint echo backend, so its plumbing is tested apart from any CRM.
import { afterEach, describe, expect, it } from 'vitest';
import { createControlApi } from './control';
import { createMockRuntime } from './runtime';
import { startMockServer, type MockServer } from './server';

/** A backend of one endpoint that echoes its body under a `code` of its own choosing. */
async function startEchoMock(host = '127.0.0.1') {
  const runtime = createMockRuntime(() => ({ answered: 0, lastBody: '' }));
  const handleControl = createControlApi([]);
  const server = await startMockServer(
    {
      logName: 'mock-crm test',
      apiPrefix: '/echo/',
      resolve: (_method, url) => ({
        endpoint: url.pathname.slice('/echo/'.length),
        async answer(_request, received) {
          runtime.state().answered += 1;
          runtime.state().lastBody = 'text' in received ? received.text : 'too large';
          return { status: 200, body: { code: 'E0', echoed: runtime.state().lastBody } };
        },
      }),
      codeOf: (body) => (body as { code: string }).code,
      malformedBody: '{"code":"E0","echoed":"',
      parseControlJson: (text) => JSON.parse(text) as unknown,
      control: (method, path, body) => handleControl(runtime, method, path, body),
      faults: runtime.faults,
      log: runtime.log,
      now: () => 1234,
    },
    { port: 0, host },
  );
  started.push(server);
  return { server, runtime };
}

const started: MockServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

describe('the shared server skeleton', () => {
  it('answers API requests through the adapter and logs each with the code the adapter reads', async () => {
    const { server } = await startEchoMock();
    const response = await fetch(`${server.url}/echo/one`, { method: 'POST', body: 'hi' });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json;charset=UTF-8']);
    expect(await response.json()).toEqual({ code: 'E0', echoed: 'hi' });
    const log = await (await fetch(`${server.url}/__control/requests`)).json();
    expect(log).toEqual({
      ok: true,
      entries: [{ method: 'POST', path: '/echo/one', endpoint: 'one', status: 200, ret_code: 'E0', at: 1234 }],
      counts: { one: 1 },
      total: 1,
    });
  });

  it('runs the request before failing it when the failure is applied, and not at all otherwise', async () => {
    const { server, runtime } = await startEchoMock();
    runtime.faults.setFailures({ kind: 'http500', next: 1, applied: true });
    expect((await fetch(`${server.url}/echo/one`)).status).toBe(500);
    expect(runtime.state().answered).toBe(1);
    runtime.faults.setFailures({ kind: 'malformed', next: 1 });
    expect(await (await fetch(`${server.url}/echo/one`)).text()).toBe('{"code":"E0","echoed":"');
    expect(runtime.state().answered).toBe(1);
    expect(runtime.log.snapshot().entries.map((entry) => entry.fault)).toEqual(['http500', 'malformed']);
  });

  it('processes a slow request whose client went away once its body had arrived, as a real server does', async () => {
    const { server, runtime } = await startEchoMock();
    runtime.faults.setLatency(300);
    const client = new AbortController();
    const sent = fetch(`${server.url}/echo/one`, { method: 'POST', body: 'note', signal: client.signal }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.abort();
    expect(await sent).toBeInstanceOf(Error);
    await expect.poll(() => runtime.state().answered, { timeout: 2_000 }).toBe(1);
    expect(runtime.state().lastBody).toBe('note');
  });

  it('refuses a control body that is not JSON, without reaching the control API', async () => {
    const { server, runtime } = await startEchoMock();
    const response = await fetch(`${server.url}/__control/latency`, { method: 'POST', body: '{ms: 5' });
    expect([response.status, await response.json()]).toEqual([400, { ok: false, error: 'body must be JSON' }]);
    expect(runtime.faults.latencyMs()).toBe(0);
  });

  it('gives a reachable URL when listening on every interface, and closes with a request held open', async () => {
    const { server, runtime } = await startEchoMock('0.0.0.0');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.demoUrl).toBe(`${server.url}/demo/`);
    runtime.faults.setFailures({ kind: 'timeout', next: 1 });
    const held = fetch(`${server.url}/echo/one`).catch((error: unknown) => error);
    await expect.poll(() => runtime.log.snapshot().total).toBe(1);
    await server.close();
    expect(await held).toBeInstanceOf(Error);
  });
});
