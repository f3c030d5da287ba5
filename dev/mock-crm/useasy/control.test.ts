import { describe, expect, it } from 'vitest';
import { elapsed, mockPerSuite, type Json } from '../shared/test-support';
import { FIXTURE_CUSTOMERS } from './fixtures';
import { FIND_BY_ID, startTestMock } from './test-support';

const { zhangWei, liNa } = FIXTURE_CUSTOMERS;
const LIST = { page: 1, limit: 1 };

describe('the Useasy control API', () => {
  const t = mockPerSuite(startTestMock);

  const listStatus = async () => (await t.raw('/openapi/crm/list', { body: LIST })).status;

  it('logs every API request with its endpoint, status and code, counts them per endpoint, and clears the log', async () => {
    await t.call('list', { body: LIST });
    await t.call(`findById/${zhangWei.id}`, FIND_BY_ID);
    await t.call(zhangWei.id);
    await t.call('update', { body: { _id: '1' } });
    await t.call('list', { body: LIST, headers: { signature: 'x' } });
    await t.call('config/field/list', { body: {} });
    const { json } = await t.control('requests');
    expect(json.counts).toEqual({ 'crm/list': 2, 'crm/findById': 1, 'crm/{id}': 1, 'crm/update': 1, 'crm/config/field/list': 1 });
    expect(json.total).toBe(6);
    expect(json.entries[0]).toMatchObject({ method: 'POST', path: '/openapi/crm/list', endpoint: 'crm/list', status: 200, ret_code: '200' });
    expect(json.entries[3]).toMatchObject({ endpoint: 'crm/update', status: 200, ret_code: '404' });
    expect(json.entries[4]).toMatchObject({ endpoint: 'crm/list', status: 401, ret_code: '401' });
    expect(typeof json.entries[0].at).toBe('number');
    expect((await t.control('requests', undefined, 'DELETE')).status).toBe(200);
    expect((await t.control('requests')).json.counts).toEqual({});
  });

  it('adds latency to API requests until set back to 0', async () => {
    await t.control('latency', { ms: 250 });
    expect(await elapsed(listStatus)).toBeGreaterThanOrEqual(240);
    await t.control('latency', { ms: 0 });
    expect(await elapsed(listStatus)).toBeLessThan(200);
    expect((await t.control('latency', { ms: -1 })).status).toBe(400);
  });

  it('goes down by closing connections or answering 503, while the control API keeps working', async () => {
    await t.control('down', { down: true });
    await expect(listStatus()).rejects.toThrow();
    await t.control('down', { down: true, mode: '503' });
    expect(await listStatus()).toBe(503);
    await t.control('down', { down: false });
    expect(await listStatus()).toBe(200);
    const faults = (await t.control('requests')).json.entries.map((entry: Json) => entry.fault ?? null);
    expect(faults).toEqual(['down', 'down', null]);
    expect((await t.control('down', { down: 'yes' })).status).toBe(400);
  });

  it('fails the next N requests with HTTP 500, a malformed body or a dropped connection, then recovers', async () => {
    await t.control('failures', { next: 2, kind: 'http500' });
    expect([await listStatus(), await listStatus(), await listStatus()]).toEqual([500, 500, 200]);

    await t.control('failures', { next: 1, kind: 'malformed' });
    const malformed = await t.raw('/openapi/crm/list', { body: LIST });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();

    await t.control('failures', { next: 1, kind: 'drop' });
    await expect(listStatus()).rejects.toThrow();
    expect(await listStatus()).toBe(200);
  });

  it('holds a request unanswered for the timeout fault, so the client must give up', async () => {
    await t.control('failures', { next: 1, kind: 'timeout' });
    const hung = fetch(`${t.mock.url}/openapi/crm/list`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow(/timeout|aborted/i);
  });

  it('fails only the chosen endpoint, at a rate, and after applying the write when asked', async () => {
    await t.control('failures', { rate: 1, kind: 'http500', endpoint: 'crm/update', applied: true });
    expect(await listStatus()).toBe(200);
    const write = await t.raw('/openapi/crm/update', { body: { _id: liNa.id, customerName: '李娜（已改）' } });
    expect(write.status).toBe(500);
    expect((await t.control(`state/customer/${liNa.id}`)).json.customer.customerName).toBe('李娜（已改）');

    await t.control('failures', { rate: 0.5, kind: 'http500' });
    const statuses = await Promise.all(Array.from({ length: 40 }, listStatus));
    expect(statuses).toContain(500);
    expect(statuses).toContain(200);
    await t.control('failures', {});
    expect(await listStatus()).toBe(200);
    expect((await t.control('failures', { rate: 1, kind: 'explode' })).status).toBe(400);
    expect((await t.control('failures', { rate: 2, kind: 'http500' })).status).toBe(400);
  });

  it('resets data, faults and log to the seed', async () => {
    await t.call('delete', { body: { id: zhangWei.id } });
    await t.control('latency', { ms: 400 });
    await t.control('reset', {});
    expect(await elapsed(() => t.call(`findById/${zhangWei.id}`, FIND_BY_ID))).toBeLessThan(300);
    expect((await t.call(`findById/${zhangWei.id}`, FIND_BY_ID)).json.data.customerName).toBe('张伟');
    expect((await t.control('requests')).json.counts).toEqual({ 'crm/findById': 2 });
  });

  it('shows a customer as stored and plants raw values that the API then serves as stored', async () => {
    expect((await t.control(`state/customer/${zhangWei.id}`)).json.customer).toMatchObject({ _id: zhangWei.id, customerName: '张伟' });
    expect((await t.control('state/customer/nobody')).status).toBe(404);
    const hostile = '<img src=x onerror=alert(1)>';
    // biome-ignore lint/correctness/noPrecisionLoss: an owner id beyond 2^53, as Useasy sends them, is the point of this case
    const patched = await t.control(`customers/${liNa.id}/patch`, { customerName: hostile, mobile: '13912345678', owner: 662821403012902912 });
    expect(patched.status).toBe(200);
    expect((await t.call(`findById/${liNa.id}`, FIND_BY_ID)).json.data).toMatchObject({ customerName: hostile, mobile: '13912345678' });
    expect((await t.control(`customers/${liNa.id}/patch`, { _id: '1' })).status).toBe(400);
  });

  it('answers 404 for an unknown control endpoint and lists the known ones', async () => {
    expect((await t.control('nothing-here')).status).toBe(404);
    expect((await t.control('')).json.endpoints).toEqual(
      expect.arrayContaining(['POST /__control/reset', 'GET /__control/requests', 'DELETE /__control/requests', 'POST /__control/failures']),
    );
  });
});
