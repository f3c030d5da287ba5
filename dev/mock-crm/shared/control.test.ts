// The generic control endpoints against a fake backend target, without HTTP.
import { describe, expect, it } from 'vitest';
import { createControlApi, done, type ControlBase } from './control';
import { createMockRuntime } from './runtime';

interface Target extends ControlBase {
  pinged: number;
}

const handle = createControlApi<Target>([
  [
    'POST',
    /^ping-(.+)$/,
    (target, match) => {
      target.pinged += 1;
      return done({ name: match[1] });
    },
  ],
]);

const start = () => {
  const runtime = createMockRuntime(() => ({ writes: 0 }));
  return { runtime, target: { ...runtime, pinged: 0 } };
};

describe('the shared control API', () => {
  it('lists the generic endpoints first and the backend’s own after them', () => {
    const { target } = start();
    expect(handle(target, 'GET', '', undefined).body).toEqual({
      ok: true,
      endpoints: [
        'GET /__control/',
        'POST /__control/reset',
        'GET /__control/requests',
        'DELETE /__control/requests',
        'POST /__control/latency',
        'POST /__control/failures',
        'POST /__control/down',
        'POST /__control/ping-(.+)',
      ],
    });
  });

  it('reaches a backend endpoint by method and path, and answers 404 for any other method', () => {
    const { target } = start();
    expect(handle(target, 'POST', 'ping-a%20b', undefined)).toEqual({ status: 200, body: { ok: true, name: 'a%20b' } });
    expect(target.pinged).toBe(1);
    expect(handle(target, 'GET', 'ping-x', undefined)).toEqual({ status: 404, body: { ok: false, error: 'no control endpoint GET /__control/ping-x' } });
  });

  it('sets latency, failures and down on the faults, and refuses malformed settings with 400', () => {
    const { runtime, target } = start();
    expect(handle(target, 'POST', 'latency', { ms: 20 }).body).toEqual({ ok: true, ms: 20 });
    expect(runtime.faults.latencyMs()).toBe(20);
    expect(handle(target, 'POST', 'latency', {}).status).toBe(400);

    expect(handle(target, 'POST', 'failures', { next: 1, kind: 'drop', endpoint: 'crm/list' }).body).toEqual({
      ok: true,
      failures: { kind: 'drop', next: 1, endpoint: 'crm/list', applied: false },
    });
    expect(runtime.faults.failureFor('other')).toBeUndefined();
    expect(runtime.faults.failureFor('crm/list')?.kind).toBe('drop');
    expect(handle(target, 'POST', 'failures', { next: 1.5, kind: 'drop' }).status).toBe(400);
    expect(handle(target, 'POST', 'failures', {}).body).toEqual({ ok: true, failures: null });
    expect(runtime.faults.plan()).toBeUndefined();

    expect(handle(target, 'POST', 'down', { down: true }).body).toEqual({ ok: true, down: true, mode: 'close' });
    expect(runtime.faults.down()).toBe('close');
    expect(handle(target, 'POST', 'down', { down: true, mode: '500' }).status).toBe(400);
    expect(handle(target, 'POST', 'down', { down: false }).body).toEqual({ ok: true, down: false });
    expect(runtime.faults.down()).toBeUndefined();
  });

  it('resets data, faults and log together, and clears the log alone on DELETE requests', () => {
    const { runtime, target } = start();
    runtime.state().writes = 3;
    runtime.faults.setLatency(50);
    runtime.log.add({ method: 'GET', path: '/x', endpoint: 'x', status: 200, ret_code: null, at: 0 });
    expect(handle(target, 'GET', 'requests', undefined).body).toMatchObject({ ok: true, counts: { x: 1 }, total: 1 });
    expect(handle(target, 'DELETE', 'requests', undefined).status).toBe(200);
    expect(runtime.log.snapshot().total).toBe(0);
    expect(runtime.faults.latencyMs()).toBe(50);
    handle(target, 'POST', 'reset', {});
    expect([runtime.state().writes, runtime.faults.latencyMs()]).toEqual([0, 0]);
  });
});
