import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../errors';
import { createUseasyBackend } from './backend';
import * as examples from './doc-examples';

type Route = (body: unknown, method: string) => unknown;

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A fake Useasy: routes by exact path; a route returning a string sends it as the raw body. */
function fakeUseasy(routes: Record<string, Route>, status = 200) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const method = init.method ?? 'GET';
    calls.push({ method, path: url.pathname, headers, body });
    const route = routes[url.pathname];
    const answer = route ? route(body, method) : { success: false, code: '404', message: 'no route', data: null };
    return new Response(typeof answer === 'string' ? answer : JSON.stringify(answer), { status });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const connection = { baseUrl: 'https://crm.useasy.example/', appid: '1090', secret: 'useasy-demo-secret' };
const ok = (data: unknown) => ({ success: true, message: '200 ok!', code: '200', data, traceId: 'a1b2c3' });

/** 张伟 as the mock stores him: two numbers, custom values of several types, a long owner id. */
const zhangWeiRecord = {
  _id: '685736803322032128',
  accountId: '1090',
  customerName: '张伟',
  mobile: [
    { value: '13812345678', memo: '本人' },
    { value: '13800001111', memo: '助理' },
  ],
  email: [{ value: 'zhang.wei@example.com', memo: '工作邮箱' }],
  wechat: [{ value: 'zhangwei_bj', memo: '' }],
  owner: '662821403012902912',
  customerSource: ['官网咨询'],
  createTime: '2023-06-26 22:57:30',
  updateTime: '2024-11-20 10:00:00',
  text_6ts9_1687316347239: '北京市海淀区中关村大街1号',
  checkbox_d1r6_1687316650418: ['crm', 'online-service'],
  cascade_z8b3_1687316711526: ['huabei', 'beijing', 'haidian'],
  number_p3q1_1687316455020: 128000,
};

describe('Useasy signing', () => {
  it('sends appid, a fresh nonce, the timestamp and a signature the server can verify on every call', async () => {
    const server = fakeUseasy({ '/openapi/crm/list': () => ok({ list: [], count: 0 }) });
    const backend = createUseasyBackend({ ...connection, fetch: server.fetch, now: () => 1687792901_500 });
    await backend.testConnection();
    await backend.searchCustomers('phone', '13812345678');
    const [first, second] = server.calls;
    for (const call of [first!, second!]) {
      const { appid, nonce, timestamp, signature } = call.headers;
      expect([appid, timestamp, call.headers['content-type']]).toEqual(['1090', '1687792901', 'application/json']);
      expect(nonce).toMatch(/^\d{16}$/);
      const expected = createHmac('sha256', 'useasy-demo-secret').update(`1090${nonce}1687792901`).digest('base64');
      expect(signature).toBe(expected);
    }
    expect(first!.headers.nonce).not.toBe(second!.headers.nonce);
  });

  it('signs with a configured recipe', async () => {
    const server = fakeUseasy({ '/openapi/crm/list': () => ok({ list: [], count: 0 }) });
    const recipe = { algorithm: 'hmac-sha256', message: ['nonce', 'timestamp'], encoding: 'hex' } as const;
    await createUseasyBackend({ ...connection, recipe, fetch: server.fetch, now: () => 1700000000_000 }).testConnection();
    const { nonce, signature } = server.calls[0]!.headers;
    expect(signature).toBe(createHmac('sha256', 'useasy-demo-secret').update(`${nonce}1700000000`).digest('hex'));
  });
});

describe('Useasy backend against the document examples', () => {
  it('looks a phone up with {field: mobile, operator: eq} and pages by count, the total', async () => {
    const server = fakeUseasy({ '/openapi/crm/list': () => examples.listResponseExample });
    const backend = createUseasyBackend({ ...connection, fetch: server.fetch });
    const page = await backend.searchCustomers('phone', '13231307283', 2);
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/openapi/crm/list' });
    expect(server.calls[0]!.body).toEqual({ page: 2, limit: 15, search: [{ field: 'mobile', operator: 'eq', value: ['13231307283'] }] });
    expect(page).toMatchObject({ page: 2, pageCount: 2, total: 20 });
    expect(page.customers).toEqual([
      {
        id: '685770000643772416',
        nick: 'testCustomer',
        phones: [],
        emails: [],
        qq: undefined,
        wechat: undefined,
        vip: false,
        liableAgent: { id: '662821403012902912', name: '' },
        sourceCode: undefined,
        region: {},
        // 2023-06-26 22:57:30 in UTC+8.
        createdAt: Date.UTC(2023, 5, 26, 14, 57, 30),
        updatedAt: Date.UTC(2023, 5, 26, 14, 57, 30),
        labelIds: [],
        customFields: [],
      },
    ]);
  });

  it('searches emails in the email field and names in customerName, and refuses a company search', async () => {
    const server = fakeUseasy({ '/openapi/crm/list': () => ok({ list: [zhangWeiRecord], count: '1' }) });
    const backend = createUseasyBackend({ ...connection, fetch: server.fetch });
    await backend.searchCustomers('email', 'zhang.wei@example.com');
    await backend.searchCustomers('nick', '张伟');
    await backend.searchCustomers('realName', '张伟');
    expect(server.calls.map((call) => (call.body as { search: { field: string }[] }).search[0]!.field)).toEqual(['email', 'customerName', 'customerName']);
    const refusal = await backend.searchCustomers('company', '星辰').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CrmError);
    expect(refusal).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/no company field/) });
    expect(server.calls).toHaveLength(3);
  });

  it('reads one customer as §4.2’s example sends it (POST findById with {}): contact lists, owner, source, times and custom values', async () => {
    const server = fakeUseasy({ '/openapi/crm/findById/685736803322032128': () => ok(zhangWeiRecord) });
    const backend = createUseasyBackend({ ...connection, fetch: server.fetch });
    const customer = await backend.getCustomer('685736803322032128');
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/openapi/crm/findById/685736803322032128', body: {} });
    expect(customer).toMatchObject({
      id: '685736803322032128',
      nick: '张伟',
      phones: ['13812345678', '13800001111'],
      emails: ['zhang.wei@example.com'],
      wechat: 'zhangwei_bj',
      liableAgent: { id: '662821403012902912', name: '' },
      sourceCode: '官网咨询',
      updatedAt: Date.UTC(2024, 10, 20, 2, 0, 0),
    });
    expect(customer.customFields).toEqual([
      { fieldId: 'text_6ts9_1687316347239', value: '北京市海淀区中关村大街1号' },
      { fieldId: 'checkbox_d1r6_1687316650418', value: 'crm,online-service', text: undefined },
      { fieldId: 'cascade_z8b3_1687316711526', value: 'huabei,beijing,haidian', text: undefined },
      { fieldId: 'number_p3q1_1687316455020', value: '128000' },
    ]);
  });

  it('keeps ids exact when the CRM sends them as bare 18-digit numbers', async () => {
    const raw = '{"success":true,"code":"200","message":"200 ok!","data":{"_id":685736803322032129,"customerName":"张伟","owner":662821403012902913}}';
    const server = fakeUseasy({ '/openapi/crm/findById/685736803322032129': () => raw });
    const customer = await createUseasyBackend({ ...connection, fetch: server.fetch }).getCustomer('685736803322032129');
    expect(customer.id).toBe('685736803322032129');
    expect(customer.liableAgent?.id).toBe('662821403012902913');
  });

  it('turns an empty findById answer into not-found', async () => {
    const server = fakeUseasy({ '/openapi/crm/findById/1': () => ok(null) });
    await expect(createUseasyBackend({ ...connection, fetch: server.fetch }).getCustomer('1')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reads field definitions: the document’s text field, choices, a cascade as its tree with fillLevel, system and disabled fields left out', async () => {
    const [schemaField] = examples.fieldListSchemaExample.data;
    const data = [
      ...examples.fieldListResponseExample.data,
      { ...schemaField, field: 'system_name', isSystem: true, status: 1 },
      { ...schemaField, field: 'text_off0_1687316000000', name: '旧编号', type: 'text', isSystem: false, status: 0 },
      {
        field: 'select_a9c4_1687316566781',
        name: '客户行业',
        type: 'select',
        status: 1,
        sort: 3,
        required: true,
        isSystem: false,
        choices: [
          { key: 'internet', value: '互联网', isDefault: false },
          { key: 'finance', value: '金融', isDefault: false },
        ],
        options: null,
      },
      {
        field: 'cascade_z8b3_1687316711526',
        name: '所在地区',
        type: 'cascade',
        status: 1,
        sort: 50,
        isSystem: false,
        required: false,
        choices: null,
        options: {
          level: 3,
          fillLevel: 2,
          children: [
            { key: 'huabei', value: '华北', children: [{ key: 'beijing', value: '北京', children: [{ key: 'haidian', value: '海淀区' }] }] },
            { key: 'huadong', value: '华东', children: null },
          ],
        },
      },
    ];
    const server = fakeUseasy({ '/openapi/crm/config/field/list': () => ok(data) });
    const fields = await createUseasyBackend({ ...connection, fetch: server.fetch }).listCustomFields();
    expect(server.calls[0]).toMatchObject({ method: 'POST', body: {} });
    expect(fields).toEqual([
      {
        id: 'select_a9c4_1687316566781',
        name: '客户行业',
        type: 'select',
        required: true,
        options: [
          { value: 'internet', name: '互联网' },
          { value: 'finance', name: '金融' },
        ],
      },
      { id: 'text_6ts9_1687316347239', name: '详细地址', type: 'text', required: false, options: [] },
      {
        id: 'cascade_z8b3_1687316711526',
        name: '所在地区',
        type: 'cascade',
        required: false,
        options: [
          { value: 'huabei', name: '华北' },
          { value: 'beijing', name: '北京' },
          { value: 'haidian', name: '海淀区' },
          { value: 'huadong', name: '华东' },
        ],
        cascade: {
          fillLevel: 2,
          tree: [
            { value: 'huabei', name: '华北', children: [{ value: 'beijing', name: '北京', children: [{ value: 'haidian', name: '海淀区', children: [] }] }] },
            { value: 'huadong', name: '华东', children: [] },
          ],
        },
      },
    ]);
  });
});

describe('Useasy customer writes', () => {
  const fieldList = () =>
    ok([
      { field: 'text_6ts9_1687316347239', name: '详细地址', type: 'text', status: 1, isSystem: false },
      { field: 'checkbox_d1r6_1687316650418', name: '关注产品', type: 'checkbox', status: 1, isSystem: false, choices: [{ key: 'crm', value: 'CRM' }] },
    ]);

  it('creates a customer with contact lists of {value, memo} and returns data._id with the record it answered', async () => {
    const server = fakeUseasy({ '/openapi/crm/add': () => examples.addResponseExample, '/openapi/crm/config/field/list': fieldList });
    const backend = createUseasyBackend({ ...connection, fetch: server.fetch });
    const { id, customer } = await backend.createCustomer({
      nick: '新客户',
      phone: '13800001111',
      email: '',
      realName: '不发送',
      company: '不发送',
      liableAgent: { id: '662821403012902912', name: '王斌' },
      customFields: [
        { fieldId: 'checkbox_d1r6_1687316650418', value: 'crm,online-service' },
        { fieldId: 'unknown_xxxx_1687316000000', value: 'x' },
      ],
    });
    expect(id).toBe('685775343058800640');
    // The example answer names the customer testCustomer: the answer wins over what was sent.
    expect(customer).toMatchObject({ id: '685775343058800640', nick: 'testCustomer', phones: ['13800001111'] });
    expect(server.calls.map((call) => call.path)).toEqual(['/openapi/crm/config/field/list', '/openapi/crm/add']);
    const add = server.calls.find((call) => call.path === '/openapi/crm/add')!;
    expect(add.body).toEqual({
      customerName: '新客户',
      mobile: [{ value: '13800001111', memo: '' }],
      owner: '662821403012902912',
      checkbox_d1r6_1687316650418: ['crm', 'online-service'],
    });
  });

  it('does not ask for field definitions when no custom value is written', async () => {
    const server = fakeUseasy({ '/openapi/crm/add': () => examples.addResponseExample });
    await createUseasyBackend({ ...connection, fetch: server.fetch }).createCustomer({ nick: '新客户' });
    expect(server.calls.map((call) => call.path)).toEqual(['/openapi/crm/add']);
    expect(server.calls[0]!.body).toEqual({ customerName: '新客户' });
  });

  it('updates with _id, changing only the first phone so a colleague’s second number survives', async () => {
    const server = fakeUseasy({
      '/openapi/crm/findById/685736803322032128': () => ok(zhangWeiRecord),
      '/openapi/crm/update': (body) => ok(body),
      '/openapi/crm/config/field/list': fieldList,
    });
    const backend = createUseasyBackend({ ...connection, fetch: server.fetch });
    await backend.updateCustomer('685736803322032128', {
      nick: '张伟',
      phone: '13999990000',
      email: 'zhang.wei@example.com',
      customFields: [{ fieldId: 'text_6ts9_1687316347239', value: '' }],
    });
    const update = server.calls.find((call) => call.path === '/openapi/crm/update')!;
    expect(update.body).toEqual({
      _id: '685736803322032128',
      customerName: '张伟',
      mobile: [
        { value: '13999990000', memo: '' },
        { value: '13800001111', memo: '助理' },
      ],
      email: [{ value: 'zhang.wei@example.com', memo: '工作邮箱' }],
      text_6ts9_1687316347239: '',
    });
  });

  it('clears the first email when the agent emptied it, and skips the read when no contact changes', async () => {
    const server = fakeUseasy({
      '/openapi/crm/findById/685736803322032128': () => ok(zhangWeiRecord),
      '/openapi/crm/update': (body) => ok(body),
    });
    const backend = createUseasyBackend({ ...connection, fetch: server.fetch });
    await backend.updateCustomer('685736803322032128', { nick: '张伟', email: '' });
    await backend.updateCustomer('685736803322032128', { nick: '张伟先生' });
    const updates = server.calls.filter((call) => call.path === '/openapi/crm/update').map((call) => call.body);
    expect(updates).toEqual([
      { _id: '685736803322032128', customerName: '张伟', email: [] },
      { _id: '685736803322032128', customerName: '张伟先生' },
    ]);
    expect(server.calls.filter((call) => call.path.startsWith('/openapi/crm/findById/'))).toHaveLength(1);
  });

  it('has no labels, stages, notes, timeline or ownership, searches no company, and no method that pretends otherwise', () => {
    const backend = createUseasyBackend(connection);
    expect(backend.kind).toBe('useasy');
    expect(backend.capabilities).toEqual({
      customerFields: ['nick', 'phone', 'email'],
      labels: false,
      stages: false,
      notes: false,
      timeline: false,
      ownership: false,
      searchFields: ['phone', 'email', 'nick'],
    });
    for (const method of ['listLabelGroups', 'getCustomerLabels', 'listStages', 'listTimeline', 'assignCustomer'] as const) {
      expect(backend[method]).toBeUndefined();
    }
  });
});

describe('Useasy failures', () => {
  it('turns an error envelope into a CrmError carrying the CRM’s message and code', async () => {
    const server = fakeUseasy({ '/openapi/crm/update': () => ({ success: false, code: '400', message: 'customerName不能为空', data: null }) });
    const error = await createUseasyBackend({ ...connection, fetch: server.fetch })
      .updateCustomer('1', { nick: '' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code: 'invalid-input', crmCode: '400', message: expect.stringContaining('customerName不能为空') });
  });

  it('treats success true with a code other than "200" as an error too', async () => {
    const server = fakeUseasy({ '/openapi/crm/list': () => ({ success: true, code: '500', message: '系统繁忙' }) });
    await expect(createUseasyBackend({ ...connection, fetch: server.fetch }).testConnection()).rejects.toMatchObject({
      code: 'crm-error',
      crmCode: '500',
      message: '系统繁忙',
    });
  });

  it.each([
    ['an error envelope with HTTP 401', 401, { success: false, code: '401', message: '签名校验失败' }],
    ['an error envelope with HTTP 200 and an undocumented code', 200, { success: false, code: '10001', message: 'signature error' }],
    ['a bare HTTP 401', 401, '<html>401 Unauthorized</html>'],
  ])('maps a signature refusal (%s) to bad-signature in testConnection', async (_name, status, body) => {
    const server = fakeUseasy({ '/openapi/crm/list': () => body }, status);
    const error = await createUseasyBackend({ ...connection, fetch: server.fetch })
      .testConnection()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code: 'bad-signature' });
  });

  it('turns another HTTP status into http-status, a non-envelope body into malformed-response and a thrown fetch into unreachable', async () => {
    const gateway = fakeUseasy({ '/openapi/crm/list': () => '<html>502 Bad Gateway</html>' }, 502);
    await expect(createUseasyBackend({ ...connection, fetch: gateway.fetch }).testConnection()).rejects.toMatchObject({ code: 'http-status' });
    const garbled = fakeUseasy({ '/openapi/crm/list': () => '{"success":true,"code":"200","data":{"list":[' });
    await expect(createUseasyBackend({ ...connection, fetch: garbled.fetch }).testConnection()).rejects.toMatchObject({ code: 'malformed-response' });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(createUseasyBackend({ ...connection, fetch: failing }).testConnection()).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('times out a request that never answers', async () => {
    const hanging = ((_input: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;
    const backend = createUseasyBackend({ ...connection, fetch: hanging, timeoutMs: 20 });
    await expect(backend.testConnection()).rejects.toMatchObject({ code: 'timeout' });
  });
});
