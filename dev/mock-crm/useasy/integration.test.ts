import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findCustomers } from '../../../lib/crm/lookup';
import { createUseasyBackend } from '../../../lib/crm/useasy/backend';
import { FIELD_IDS } from './fields';
import { agentNamed, FIXTURE_CUSTOMERS } from './fixtures';
import { startUseasyMock, type UseasyMock } from './server';

const { zhangWei, liNa, wangFang, zhaoMin, chenJing, chenJianguo } = FIXTURE_CUSTOMERS;

describe('the Useasy backend against the Useasy mock, over HTTP', () => {
  let mock: UseasyMock;
  const control = (path: string, body: unknown) =>
    fetch(`${mock.url}/__control/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const counts = async () => ((await (await fetch(`${mock.url}/__control/requests`)).json()) as { counts: Record<string, number> }).counts;
  const backend = (overrides: Partial<Parameters<typeof createUseasyBackend>[0]> = {}) =>
    createUseasyBackend({ baseUrl: mock.url, appid: mock.appid, secret: mock.secret, ...overrides });

  beforeAll(async () => {
    mock = await startUseasyMock({ port: 0 });
  });
  beforeEach(() => mock.reset());
  afterAll(() => mock.close());

  it('proves the connection with one signed list call', async () => {
    await backend().testConnection();
    expect(await counts()).toEqual({ 'crm/list': 1 });
  });

  it('reports a wrong secret, a wrong recipe, a wrong appid and a skewed clock as bad-signature', async () => {
    await expect(backend({ secret: 'wrong' }).testConnection()).rejects.toMatchObject({ code: 'bad-signature', crmCode: '401' });
    await expect(backend({ recipe: { algorithm: 'hmac-sha256', message: ['nonce', 'timestamp'], encoding: 'base64' } }).testConnection()).rejects.toMatchObject(
      {
        code: 'bad-signature',
        message: expect.stringContaining('signature签名校验失败'),
      },
    );
    await expect(backend({ appid: '9999' }).testConnection()).rejects.toMatchObject({ code: 'bad-signature' });
    await expect(backend({ now: () => Date.now() - 600_000 }).testConnection()).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringContaining('timestamp已过期'),
    });
  });

  it('looks up the demo contacts the way the panel does: national digits, E.164, spaces, email', async () => {
    const crm = backend();
    const zhang = await findCustomers(crm, { kind: 'phone', value: '+8613812345678' });
    expect(zhang.customers.map((customer) => customer.id)).toEqual([zhangWei.id]);
    expect((await findCustomers(crm, { kind: 'phone', value: '+8613912345678' })).customers[0]?.id).toBe(liNa.id);
    expect((await findCustomers(crm, { kind: 'phone', value: '+8613900001111' })).customers[0]?.id).toBe(wangFang.id);
    expect((await findCustomers(crm, { kind: 'email', value: 'Zhao.Min@example.org' })).customers[0]?.id).toBe(zhaoMin.id);
    const couple = await findCustomers(crm, { kind: 'phone', value: '+8613700000000' });
    expect(couple.customers.map((customer) => customer.id).sort()).toEqual([chenJing.id, chenJianguo.id].sort());
    expect((await findCustomers(crm, { kind: 'phone', value: '+8613988880000' })).customers).toEqual([]);
  });

  it('reads 张伟 with string ids, UTC+8 times, owner and custom values, and names his values from the field list', async () => {
    const crm = backend();
    const customer = await crm.getCustomer(zhangWei.id);
    expect(customer).toMatchObject({
      id: zhangWei.id,
      nick: '张伟',
      phones: ['13812345678', '13800001111'],
      emails: ['zhang.wei@example.com'],
      wechat: 'zhangwei_bj',
      liableAgent: { id: agentNamed('王斌').id, name: '' },
      sourceCode: '官网咨询',
      createdAt: Date.UTC(2023, 2, 15, 2, 20, 0),
    });
    expect(customer.customFields).toContainEqual({ fieldId: FIELD_IDS.region, value: 'huabei,beijing,haidian', text: undefined });
    const fields = await crm.listCustomFields();
    expect(fields.map((field) => field.name)).toEqual(['详细地址', '需求描述', '预算(元)', '下次回访日期', '客户行业', '客户类型', '关注产品', '所在地区']);
    const region = fields.find((field) => field.id === FIELD_IDS.region)!;
    expect(region.type).toBe('cascade');
    expect(region.options).toContainEqual({ value: 'haidian', name: '海淀区' });
    await expect(crm.getCustomer('999999999999999999')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('searches by name, and refuses a company search without calling the CRM', async () => {
    const crm = backend();
    const page = await crm.searchCustomers('nick', '赵敏');
    expect(page).toMatchObject({ total: 1, pageCount: 1, page: 1 });
    await expect(crm.searchCustomers('company', '华宇')).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await counts()).toEqual({ 'crm/list': 1 });
  });

  it('creates a customer the mock then finds, and updates them without losing a colleague’s second number', async () => {
    const crm = backend();
    const { id } = await crm.createCustomer({
      nick: '新客户',
      phone: '13766665555',
      email: 'new.customer@example.com',
      customFields: [
        { fieldId: FIELD_IDS.products, value: 'crm,robot' },
        { fieldId: FIELD_IDS.region, value: 'huadong,hangzhou,xihu' },
        { fieldId: FIELD_IDS.industry, value: 'education' },
      ],
    });
    expect(id).toMatch(/^\d{18}$/);
    const created = await crm.getCustomer(id);
    expect(created).toMatchObject({ nick: '新客户', phones: ['13766665555'], emails: ['new.customer@example.com'] });
    expect(created.customFields).toEqual(
      expect.arrayContaining([
        { fieldId: FIELD_IDS.products, value: 'crm,robot', text: undefined },
        { fieldId: FIELD_IDS.industry, value: 'education' },
      ]),
    );

    // A colleague adds a second number in the CRM meanwhile.
    const stored = (await (await fetch(`${mock.url}/__control/state/customer/${id}`)).json()) as { customer: { mobile: unknown[] } };
    await control(`customers/${id}/patch`, { mobile: [...stored.customer.mobile, { value: '13766660000', memo: '同事补充' }] });

    await crm.updateCustomer(id, { nick: '新客户（已改）', phone: '13711112222', customFields: [{ fieldId: FIELD_IDS.products, value: '' }] });
    const updated = await crm.getCustomer(id);
    expect(updated.nick).toBe('新客户（已改）');
    expect(updated.phones).toEqual(['13711112222', '13766660000']);
    expect(updated.emails).toEqual(['new.customer@example.com']);
    expect(updated.customFields.find((field) => field.fieldId === FIELD_IDS.products)).toBeUndefined();
    expect((await crm.searchCustomers('phone', '13766665555')).customers).toEqual([]);
  });

  for (const [forms, firstRead] of [
    ['example', { 'crm/findById': 1 }],
    ['declared', { 'crm/findById': 1, 'crm/{id}': 1 }],
  ] as const) {
    it(`on a server serving only the ${forms} get-by-id form: edits with one read and one write, and creates with one add`, async () => {
      await control('get-by-id', { forms });
      const crm = backend();
      const edited = await crm.updateCustomer(zhangWei.id, { nick: '张伟', phone: '13812345678', email: 'zw@example.com' });
      expect(edited).toMatchObject({ id: zhangWei.id, phones: ['13812345678', '13800001111'], emails: ['zw@example.com'] });
      expect(await counts()).toEqual({ ...firstRead, 'crm/update': 1 });
      await fetch(`${mock.url}/__control/requests`, { method: 'DELETE' });
      await crm.updateCustomer(zhangWei.id, { nick: '张伟', phone: '13812345678' });
      expect(await counts()).toEqual({ [forms === 'example' ? 'crm/findById' : 'crm/{id}']: 1, 'crm/update': 1 });
      await fetch(`${mock.url}/__control/requests`, { method: 'DELETE' });
      const created = await crm.createCustomer({ nick: '周先生', phone: '13988880000' });
      expect(created.customer).toMatchObject({ nick: '周先生', phones: ['13988880000'] });
      expect(await counts()).toEqual({ 'crm/add': 1 });
      await control('get-by-id', { forms: 'both' });
    });
  }

  it('creates once when the answer to add is lost after the customer was stored', async () => {
    await control('failures', { next: 1, kind: 'drop', endpoint: 'crm/add', applied: true });
    const created = await backend().createCustomer({ nick: '周先生', phone: '13988880000' });
    expect(created.customer).toMatchObject({ nick: '周先生', phones: ['13988880000'] });
    expect(await counts()).toMatchObject({ 'crm/add': 1, 'crm/list': 1 });
    expect((await backend().searchCustomers('phone', '13988880000')).customers).toHaveLength(1);
  });

  it('passes the mock’s refusal of an invalid write on as invalid-input with its message', async () => {
    const error = await backend()
      .createCustomer({ nick: '坏数据', email: 'not-an-email' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid-input', crmCode: '400', message: expect.stringContaining('邮箱格式错误') });
  });

  it('maps the mock’s faults to the transport’s error codes', async () => {
    await control('failures', { next: 1, kind: 'http500' });
    await expect(backend().testConnection()).rejects.toMatchObject({ code: 'http-status' });
    await control('failures', { next: 1, kind: 'malformed' });
    await expect(backend().testConnection()).rejects.toMatchObject({ code: 'malformed-response' });
    await control('failures', { next: 1, kind: 'drop' });
    await expect(backend().testConnection()).rejects.toMatchObject({ code: 'unreachable' });
    await control('failures', { next: 1, kind: 'timeout' });
    await expect(backend({ timeoutMs: 200 }).testConnection()).rejects.toMatchObject({ code: 'timeout' });
    await control('down', { down: true });
    await expect(backend().testConnection()).rejects.toMatchObject({ code: 'unreachable' });
  });
});
