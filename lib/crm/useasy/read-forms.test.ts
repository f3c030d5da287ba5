import { describe, expect, it, vi } from 'vitest';
import { createUseasyBackend } from './backend';

const connection = { baseUrl: 'https://crm.useasy.example', appid: '1090', secret: 'useasy-demo-secret' };
const ok = (data: unknown) => ({ status: 200, body: { success: true, message: '200 ok!', code: '200', data } });
/** What Spring answers for a path or method it has no handler for. */
const spring = (status: 404 | 405) => ({
  status,
  body: { timestamp: '2026-12-05T08:00:00Z', status, error: status === 404 ? 'Not Found' : 'Method Not Allowed', path: '/' },
});

const ID = '685736803322032128';
const zhangWei = { _id: ID, customerName: '张伟', mobile: [{ value: '13812345678', memo: '' }] };

type Handler = (body: unknown) => { status: number; body: unknown };

/** A Useasy server that serves exactly the "METHOD path" routes it is given; anything else is Spring's 404. */
function server(routes: Record<string, Handler>) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const route = `${init.method ?? 'GET'} ${new URL(String(input)).pathname}`;
    calls.push(route);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const answer = routes[route]?.(body) ?? spring(404);
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const EXAMPLE = `POST /openapi/crm/findById/${ID}`;
const DECLARED = `GET /openapi/crm/${ID}`;

describe('reading a Useasy customer by id in the document’s forms', () => {
  it('falls back from §4.2’s POST findById to §4.1’s GET /{id} and then uses only the form that answered', async () => {
    const crm = server({ [DECLARED]: () => ok(zhangWei), [`POST /openapi/crm/findById/${ID}`]: () => spring(405) });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch });
    expect((await backend.getCustomer(ID)).nick).toBe('张伟');
    expect(crm.calls).toEqual([EXAMPLE, DECLARED]);
    crm.calls.length = 0;
    await backend.getCustomer(ID);
    await backend.getCustomer(ID);
    expect(crm.calls).toEqual([DECLARED, DECLARED]);
  });

  it('costs one request from the start on a server that serves the example’s form', async () => {
    const crm = server({ [EXAMPLE]: (body) => (JSON.stringify(body) === '{}' ? ok(zhangWei) : spring(405)) });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch });
    await backend.getCustomer(ID);
    await backend.getCustomer(ID);
    expect(crm.calls).toEqual([EXAMPLE, EXAMPLE]);
  });

  it('moves on when a gateway wraps "method not supported" in the envelope', async () => {
    const crm = server({
      [EXAMPLE]: () => ({ status: 200, body: { success: false, code: '500', message: "Request method 'POST' not supported(请求方式不支持)" } }),
      [DECLARED]: () => ok(zhangWei),
    });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch });
    expect((await backend.getCustomer(ID)).id).toBe(ID);
    expect(crm.calls).toEqual([EXAMPLE, DECLARED]);
  });

  it('says not-found for a missing customer and remembers no form from it', async () => {
    const crm = server({
      [EXAMPLE]: () => ok(null),
      [DECLARED]: () => ({ status: 200, body: { success: false, code: '404', message: '客户不存在' } }),
      'POST /openapi/crm/findById/1': () => ({ status: 200, body: { success: false, code: '404', message: '客户不存在' } }),
    });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch });
    await expect(backend.getCustomer('1')).rejects.toMatchObject({ code: 'not-found' });
    expect(crm.calls).toEqual(['POST /openapi/crm/findById/1', 'GET /openapi/crm/1']);
  });

  it('does not try another form after a failure that is not about the form (a refused signature, a timeout)', async () => {
    const crm = server({ [EXAMPLE]: () => ({ status: 401, body: { success: false, code: '401', message: '签名错误' } }) });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch });
    await expect(backend.getCustomer(ID)).rejects.toMatchObject({ code: 'bad-signature' });
    expect(crm.calls).toEqual([EXAMPLE]);
  });

  it('looks for the served form again when the remembered one stops being served', async () => {
    let upgraded = false;
    const crm = server({
      [EXAMPLE]: () => (upgraded ? spring(404) : ok(zhangWei)),
      [DECLARED]: () => ok(zhangWei),
    });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch });
    await backend.getCustomer(ID);
    upgraded = true;
    await backend.getCustomer(ID);
    await backend.getCustomer(ID);
    expect(crm.calls).toEqual([EXAMPLE, EXAMPLE, EXAMPLE, DECLARED, DECLARED]);
  });

  it('reports the last refusal when neither form is served', async () => {
    const crm = server({});
    await expect(createUseasyBackend({ ...connection, fetch: crm.fetch }).getCustomer(ID)).rejects.toMatchObject({ code: 'http-status', crmCode: '404' });
    expect(crm.calls).toEqual([EXAMPLE, DECLARED]);
  });
});

describe('Useasy writes are not read back', () => {
  const updated = { ...zhangWei, customerName: '张伟先生', updateTime: '2026-12-05 16:00:00' };

  it('builds the edited customer from update’s answer over the read made right before writing', async () => {
    const crm = server({
      [EXAMPLE]: () => ok({ ...zhangWei, email: [{ value: 'zhang.wei@example.com', memo: '' }] }),
      'POST /openapi/crm/update': () => ok(updated),
    });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch });
    const customer = await backend.updateCustomer(ID, { nick: '张伟先生', phone: '13812345678' });
    // One read before (the contact lists a colleague may have changed), the write, and nothing after.
    expect(crm.calls).toEqual([EXAMPLE, 'POST /openapi/crm/update']);
    expect(customer).toMatchObject({ id: ID, nick: '张伟先生', phones: ['13812345678'], emails: ['zhang.wei@example.com'] });
  });

  it('edits a name alone with the write only', async () => {
    const crm = server({ 'POST /openapi/crm/update': () => ok(updated) });
    const customer = await createUseasyBackend({ ...connection, fetch: crm.fetch }).updateCustomer(ID, { nick: '张伟先生' });
    expect(crm.calls).toEqual(['POST /openapi/crm/update']);
    expect(customer?.nick).toBe('张伟先生');
  });

  it('leaves the read to the caller only when update answers without the record and nothing was read', async () => {
    const crm = server({ 'POST /openapi/crm/update': () => ok(null) });
    expect(await createUseasyBackend({ ...connection, fetch: crm.fetch }).updateCustomer(ID, { nick: '张伟先生' })).toBeUndefined();
  });

  it('creates with the add alone: the card comes from add’s answer and what was sent', async () => {
    const answer = { _id: '685775343058800640', customerName: '周先生', createTime: '2026-12-05 16:00:00' };
    const crm = server({ 'POST /openapi/crm/add': () => ok(answer) });
    const created = await createUseasyBackend({ ...connection, fetch: crm.fetch }).createCustomer({ nick: '周先生', phone: '13988880000' });
    expect(crm.calls).toEqual(['POST /openapi/crm/add']);
    expect(created).toMatchObject({ id: '685775343058800640', customer: { nick: '周先生', phones: ['13988880000'] } });
  });
});

describe('a Useasy create whose outcome is unknown is never sent again blindly', () => {
  const NOW = Date.UTC(2026, 11, 5, 8, 0, 0);
  /** createTime as the CRM writes it: UTC+8. */
  const CREATED = '2026-12-05 16:00:05';
  const stored = { _id: '685775343058800640', customerName: '周先生', mobile: [{ value: '13988880000', memo: '' }], createTime: CREATED };

  function crmThatLosesAnswers(outcomes: ('lost-after-storing' | 'lost-before-storing' | 'ok')[]) {
    const customers: unknown[] = [];
    const crm = server({
      'POST /openapi/crm/add': () => {
        const outcome = outcomes.shift() ?? 'ok';
        if (outcome !== 'lost-before-storing') customers.push(stored);
        return outcome === 'ok' ? ok(stored) : { status: 502, body: '<html>Bad Gateway</html>' };
      },
      'POST /openapi/crm/list': () => ok({ list: customers, count: customers.length }),
    });
    return { crm, customers };
  }

  it('finds the customer a lost answer created instead of reporting a failure', async () => {
    const { crm, customers } = crmThatLosesAnswers(['lost-after-storing']);
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch, now: () => NOW });
    const created = await backend.createCustomer({ nick: '周先生', phone: '13988880000' });
    expect(created).toMatchObject({ id: stored._id, customer: { nick: '周先生' } });
    expect(crm.calls).toEqual(['POST /openapi/crm/add', 'POST /openapi/crm/list']);
    expect(customers).toHaveLength(1);
  });

  it('reports a create that did not land, and looks before sending it again', async () => {
    const { crm, customers } = crmThatLosesAnswers(['lost-before-storing', 'ok']);
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch, now: () => NOW });
    const error = await backend.createCustomer({ nick: '周先生', phone: '13988880000' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'http-status', message: expect.stringContaining('may have been created') });
    await backend.createCustomer({ nick: '周先生', phone: '13988880000' });
    expect(crm.calls).toEqual(['POST /openapi/crm/add', 'POST /openapi/crm/list', 'POST /openapi/crm/list', 'POST /openapi/crm/add']);
    expect(customers).toHaveLength(1);
  });

  it('does not send the add again when the look before the retry finds the customer', async () => {
    const customers: unknown[] = [];
    let listFails = true;
    const crm = server({
      'POST /openapi/crm/add': () => {
        customers.push(stored);
        return { status: 504, body: '' };
      },
      // The look right after the failure fails too; the one before the retry answers.
      'POST /openapi/crm/list': () => (listFails ? { status: 503, body: '' } : ok({ list: customers, count: customers.length })),
    });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch, now: () => NOW });
    await expect(backend.createCustomer({ nick: '周先生', phone: '13988880000' })).rejects.toMatchObject({ code: 'http-status' });
    listFails = false;
    expect(await backend.createCustomer({ nick: '周先生', phone: '13988880000' })).toMatchObject({ id: stored._id });
    expect(crm.calls.filter((call) => call.endsWith('/add'))).toHaveLength(1);
    expect(customers).toHaveLength(1);
  });

  it('treats an add answered without _id as unknown and finds the customer by the contact', async () => {
    const crm = server({
      'POST /openapi/crm/add': () => ok({ customerName: '周先生' }),
      'POST /openapi/crm/list': (body) => {
        expect(body).toMatchObject({ search: [{ field: 'mobile', operator: 'eq', value: ['13988880000'] }] });
        return ok({ list: [{ ...stored, customerName: '别人' }, stored], count: 2 });
      },
    });
    const created = await createUseasyBackend({ ...connection, fetch: crm.fetch, now: () => NOW }).createCustomer({ nick: '周先生', phone: '13988880000' });
    expect(created.id).toBe(stored._id);
  });

  it('does not take an older namesake for the new customer', async () => {
    const crm = server({
      'POST /openapi/crm/add': () => ({ status: 500, body: { success: false, code: '500', message: '系统异常' } }),
      'POST /openapi/crm/list': () => ok({ list: [{ ...stored, createTime: '2025-01-01 09:00:00' }], count: 1 }),
    });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch, now: () => NOW });
    await expect(backend.createCustomer({ nick: '周先生', phone: '13988880000' })).rejects.toMatchObject({ crmCode: '500' });
  });

  it('sends a refused create again without looking: the CRM said no', async () => {
    const crm = server({ 'POST /openapi/crm/add': () => ({ status: 200, body: { success: false, code: '400', message: '邮箱格式错误' } }) });
    const backend = createUseasyBackend({ ...connection, fetch: crm.fetch, now: () => NOW });
    await expect(backend.createCustomer({ nick: '周先生', email: 'x@' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(backend.createCustomer({ nick: '周先生', email: 'x@' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(crm.calls).toEqual(['POST /openapi/crm/add', 'POST /openapi/crm/add']);
  });
});
