import { describe, expect, it } from 'vitest';
import { mockPerSuite, type Json } from '../shared/test-support';
import { FIELD_IDS } from './fields';
import { agentNamed, FIXTURE_CUSTOMERS, OPEN_SEA_ID } from './fixtures';
import { FIND_BY_ID, startTestMock } from './test-support';

const { zhangWei, zhaoMin, chenJing, chenJianguo, sunYue, docExample } = FIXTURE_CUSTOMERS;
const SERVER_NOW = Date.UTC(2025, 0, 2, 3, 4, 5); // 2025-01-02 11:04:05 in China

const search = (field: string, operator: string, value: unknown[] = []) => ({ field, operator, value });

describe('the Useasy CRM endpoints', () => {
  const t = mockPerSuite(() => startTestMock({ now: () => SERVER_NOW }));

  const list = async (body: unknown) => (await t.call('list', { body })).json;

  describe('crm/list', () => {
    it('finds a phone with {field: mobile, operator: eq}, in any entry of the list', async () => {
      const first = await list({ page: 1, limit: 10, search: [search('mobile', 'eq', ['13812345678'])] });
      expect(first).toMatchObject({ success: true, code: '200', data: { count: 1 } });
      expect(first.data.list[0]).toMatchObject({ _id: zhangWei.id, customerName: '张伟' });
      const second = await list({ search: [search('mobile', 'eq', ['13800001111'])] });
      expect(second.data.list.map((item: Json) => item._id)).toEqual([zhangWei.id]);
    });

    it('matches the stored spelling exactly and answers an empty page for unknown numbers', async () => {
      expect((await list({ search: [search('mobile', 'eq', ['13912345678'])] })).data).toEqual({ list: [], count: 0 });
      expect((await list({ search: [search('mobile', 'eq', ['+8613912345678'])] })).data.count).toBe(1);
      expect((await list({ search: [search('mobile', 'eq', ['13988880000'])] })).data.count).toBe(0);
    });

    it('finds by email and by customerName, and both customers who share a phone', async () => {
      expect((await list({ search: [search('email', 'eq', ['zhao.min@example.org'])] })).data.list[0]._id).toBe(zhaoMin.id);
      expect((await list({ search: [search('customerName', 'eq', ['赵敏'])] })).data.list[0]._id).toBe(zhaoMin.id);
      const couple = (await list({ search: [search('mobile', 'eq', ['13700000000'])] })).data;
      expect(couple.list.map((item: Json) => item._id).sort()).toEqual([chenJing.id, chenJianguo.id].sort());
    });

    it('takes any of several eq values and ANDs conditions', async () => {
      const either = await list({ search: [search('mobile', 'eq', ['13812345678', '13611112222'])] });
      expect(either.data.count).toBe(2);
      const both = await list({ search: [search('mobile', 'eq', ['13812345678', '13611112222']), search('openSeaIds', 'empty')] });
      expect(both.data.list.map((item: Json) => item._id)).toEqual([zhangWei.id]);
    });

    it('tells owned customers (openSeaIds absent or []) from the public sea with the operator empty', async () => {
      const all = (await list({ limit: 100 })).data.count;
      const owned = (await list({ limit: 1, search: [search('openSeaIds', 'empty')] })).data.count;
      const inSea = (await list({ search: [search('owner', 'empty')], limit: 100 })).data;
      expect(owned + inSea.count).toBe(all);
      expect(inSea.count).toBeGreaterThan(5);
      for (const item of inSea.list) expect(item.openSeaIds).toEqual([OPEN_SEA_ID]);
      expect(inSea.list.map((item: Json) => item._id)).toContain(sunYue.id);
      expect((await list({ search: [search('email', 'empty')], limit: 100 })).data.list.map((item: Json) => item._id)).not.toContain(zhaoMin.id);
    });

    it('pages newest first with count the total, and cuts pages larger than 100', async () => {
      const page1 = (await list({ page: 1, limit: 7 })).data;
      const page2 = (await list({ page: 2, limit: 7 })).data;
      expect(page1.list).toHaveLength(7);
      expect(page1.count).toBeGreaterThanOrEqual(100);
      expect(page2.count).toBe(page1.count);
      const ids = [...page1.list, ...page2.list].map((item: Json) => BigInt(item._id));
      expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
      expect((await list({ page: 1, limit: 500 })).data.list).toHaveLength(100);
      expect((await list({ page: 99, limit: 10 })).data.list).toEqual([]);
      expect((await list({})).data.list).toHaveLength(10);
    });

    it('refuses an unknown operator and a search that is not a list', async () => {
      expect(await list({ search: [search('mobile', 'like', ['138'])] })).toMatchObject({ success: false, code: '400', message: '不支持的operator: like' });
      expect(await list({ search: { field: 'mobile' } })).toMatchObject({ success: false, code: '400' });
    });
  });

  describe('get one', () => {
    it('answers §4.2’s POST findById/{id} and §4.1’s GET /{id} alike, counted apart', async () => {
      const forms = [await t.call(`findById/${zhangWei.id}`, FIND_BY_ID), await t.call(zhangWei.id)];
      for (const { status, json } of forms) {
        expect(status).toBe(200);
        expect(json.data).toMatchObject({
          _id: zhangWei.id,
          customerName: '张伟',
          mobile: [
            { value: '13812345678', memo: '本人' },
            { value: '13800001111', memo: '助理' },
          ],
          email: [{ value: 'zhang.wei@example.com', memo: '工作邮箱' }],
          owner: agentNamed('王斌').id,
          [FIELD_IDS.region]: ['huabei', 'beijing', 'haidian'],
        });
      }
      const counts = (await t.control('requests')).json.counts;
      expect(counts).toEqual({ 'crm/findById': 1, 'crm/{id}': 1 });
    });

    it('refuses the GET findById the document never shows, as Spring refuses a method', async () => {
      const { status, json } = await t.call(`findById/${zhangWei.id}`);
      expect(status).toBe(405);
      expect(json).toMatchObject({ status: 405, error: 'Method Not Allowed' });
    });

    it('serves only the form it is switched to, and keeps the switch across a reset', async () => {
      expect((await t.control('get-by-id', { forms: 'declared' })).json).toMatchObject({ ok: true, forms: 'declared' });
      await t.control('reset', {});
      expect((await t.call(`findById/${zhangWei.id}`, FIND_BY_ID)).status).toBe(404);
      expect((await t.call(zhangWei.id)).status).toBe(200);
      await t.control('get-by-id', { forms: 'example' });
      expect((await t.call(zhangWei.id)).status).toBe(404);
      expect((await t.call(`findById/${zhangWei.id}`, FIND_BY_ID)).status).toBe(200);
      expect((await t.control('get-by-id')).json.forms).toBe('example');
      expect((await t.control('get-by-id', { forms: 'GET findById' })).status).toBe(400);
      await t.control('get-by-id', { forms: 'both' });
    });

    it('serves the document’s list example as printed', async () => {
      const { json } = await t.call(`findById/${docExample.id}`, FIND_BY_ID);
      expect(json.data).toMatchObject({
        _id: '685770000643772416',
        customerName: 'testCustomer',
        owner: '662821403012902912',
        firstOwner: '662821403012902912',
        createMethod: 'API',
        createTime: '2023-06-26 22:57:30',
        assignTime: '2023-06-26 22:57:30',
        accountId: '1090',
        createAgent: 'openApi',
      });
    });

    it('answers an unknown id with a 404 envelope, and GET /{id} only for digits', async () => {
      expect((await t.call('findById/999999999999999999', FIND_BY_ID)).json).toMatchObject({ success: false, code: '404', message: '客户不存在' });
      expect((await t.call('findById/999999999999999999', FIND_BY_ID)).status).toBe(200);
      expect((await t.call('somewhere')).status).toBe(404);
      expect((await t.call(zhangWei.id, { method: 'POST', body: {} })).status).toBe(405);
    });
  });

  describe('crm/add', () => {
    it('creates a customer with an 18-digit string _id, server times in UTC+8 and the body’s fields', async () => {
      const { json } = await t.call('add', {
        body: {
          customerName: 'test',
          mobile: [{ value: '333222111', memo: '王哈' }],
          customerSource: ['试用申请'],
          owner: '8310',
          assignTime: '2024-11-14 09:46:17',
          [FIELD_IDS.products]: ['crm', 'robot'],
          [FIELD_IDS.region]: ['huanan', 'shenzhen'],
          ignoredKey: 'not stored',
        },
      });
      expect(json).toMatchObject({ success: true, code: '200', message: '200 ok!' });
      expect(json.data._id).toMatch(/^\d{18}$/);
      expect(typeof json.traceId).toBe('string');
      expect(json.data).toMatchObject({
        accountId: '1090',
        customerName: 'test',
        createTime: '2025-01-02 11:04:05',
        updateTime: '2025-01-02 11:04:05',
        createAgent: 'openApi',
        updateAgent: 'openApi',
        createMethod: '',
        owner: '8310',
        firstOwner: '8310',
        assignTime: '2024-11-14 09:46:17',
        [FIELD_IDS.products]: ['crm', 'robot'],
      });
      expect(json.data.ignoredKey).toBeUndefined();
      const found = await list({ search: [search('mobile', 'eq', ['333222111'])] });
      expect(found.data.list[0]._id).toBe(json.data._id);
    });

    it('mints a new id per customer and the same ids after a reset', async () => {
      const first = (await t.call('add', { body: { customerName: '甲' } })).json.data._id;
      const second = (await t.call('add', { body: { customerName: '乙' } })).json.data._id;
      expect(second).not.toBe(first);
      expect(BigInt(second)).toBeGreaterThan(BigInt(first));
      await t.control('reset', {});
      expect((await t.call('add', { body: { customerName: '丙' } })).json.data._id).toBe(first);
    });

    it.each([
      ['no customerName', { mobile: [{ value: '1' }] }, 'customerName不能为空'],
      ['a blank customerName', { customerName: '  ' }, 'customerName不能为空'],
      ['a mobile that is a bare string', { customerName: 'a', mobile: '13812345678' }, /mobile格式错误/],
      ['an email that is no address', { customerName: 'a', email: [{ value: 'nope' }] }, /邮箱格式错误/],
      ['a choice the field does not offer', { customerName: 'a', [FIELD_IDS.industry]: 'mining' }, /客户行业/],
      ['a checkbox value as a comma-joined string', { customerName: 'a', [FIELD_IDS.products]: 'crm,robot' }, /关注产品/],
      ['a cascade path that leaves the tree', { customerName: 'a', [FIELD_IDS.region]: ['huabei', 'shanghai'] }, /所在地区/],
      ['a cascade path short of its fill level', { customerName: 'a', [FIELD_IDS.region]: ['huabei'] }, /所在地区/],
      ['a malformed assignTime', { customerName: 'a', assignTime: '2024/11/14' }, /assignTime/],
    ])('refuses %s with code 400', async (_name, body, message) => {
      const { status, json } = await t.call('add', { body });
      expect(status).toBe(200);
      expect(json).toMatchObject({ success: false, code: '400', data: null });
      expect(json.message).toMatch(message);
    });

    it('refuses a body that is not JSON', async () => {
      expect((await t.call('add', { body: '{"customerName":' })).json).toMatchObject({ success: false, code: '400' });
    });
  });

  describe('crm/update', () => {
    it('changes only the keys sent, replacing a list whole, and stamps updateTime', async () => {
      const { json } = await t.call('update', {
        body: { _id: zhangWei.id, mobile: [{ value: '13812345678', memo: '本人' }], [FIELD_IDS.address]: '', [FIELD_IDS.industry]: 'finance' },
      });
      expect(json.success).toBe(true);
      const stored = (await t.control(`state/customer/${zhangWei.id}`)).json.customer;
      expect(stored.mobile).toEqual([{ value: '13812345678', memo: '本人' }]);
      expect(stored.email).toEqual([{ value: 'zhang.wei@example.com', memo: '工作邮箱' }]);
      expect(stored.customerName).toBe('张伟');
      expect(stored[FIELD_IDS.address]).toBeUndefined();
      expect(stored[FIELD_IDS.industry]).toBe('finance');
      expect(stored.updateTime).toBe('2025-01-02 11:04:05');
      expect(stored.createTime).toBe(zhangWei.createTime);
    });

    it('takes a customer out of the public sea when given an owner', async () => {
      await t.call('update', { body: { _id: sunYue.id, owner: agentNamed('李丽').id } });
      const stored = (await t.control(`state/customer/${sunYue.id}`)).json.customer;
      expect(stored).toMatchObject({ owner: agentNamed('李丽').id, openSeaIds: [], assignTime: '2025-01-02 11:04:05' });
    });

    it('needs an _id that exists and keeps an 18-digit _id sent as a bare number exact', async () => {
      expect((await t.call('update', { body: { customerName: 'x' } })).json).toMatchObject({ code: '400', message: '_id不能为空' });
      expect((await t.call('update', { body: { _id: '1', customerName: 'x' } })).json).toMatchObject({ code: '404' });
      const bare = await t.call('update', { body: `{"_id":${zhangWei.id},"customerName":"张伟先生"}` });
      expect(bare.json.data).toMatchObject({ _id: zhangWei.id, customerName: '张伟先生' });
    });
  });

  describe('crm/delete', () => {
    it('deletes by id (not _id) and answers data null', async () => {
      expect((await t.call('delete', { body: { _id: zhaoMin.id } })).json).toMatchObject({ success: false, code: '400', message: 'id不能为空' });
      expect((await t.call('delete', { body: { id: zhaoMin.id } })).json).toEqual(expect.objectContaining({ success: true, code: '200', data: null }));
      expect((await t.call(`findById/${zhaoMin.id}`, FIND_BY_ID)).json.code).toBe('404');
      expect((await t.call('delete', { body: { id: zhaoMin.id } })).json.code).toBe('404');
    });
  });

  describe('crm/config/field/list', () => {
    it('lists system and custom fields by sort, with choices and the cascade tree', async () => {
      const fields = (await t.call('config/field/list', { body: {} })).json.data;
      expect(fields.map((field: Json) => field.sort)).toEqual([...fields.map((field: Json) => field.sort)].sort((a: number, b: number) => a - b));
      expect(fields.find((field: Json) => field.field === 'customerName')).toMatchObject({ isSystem: true, required: true });
      const address = fields.find((field: Json) => field.field === FIELD_IDS.address);
      expect(address).toMatchObject({ name: '详细地址', type: 'text', status: 1, choices: null, options: null, sort: 42, accountId: '1090' });
      const industry = fields.find((field: Json) => field.field === FIELD_IDS.industry);
      expect(industry.choices).toContainEqual({ key: 'internet', value: '互联网', isDefault: false });
      const region = fields.find((field: Json) => field.field === FIELD_IDS.region);
      expect(region.options).toMatchObject({ level: 3, fillLevel: 2 });
      expect(region.options.children[0]).toMatchObject({
        key: 'huabei',
        value: '华北',
        children: [{ key: 'beijing', children: [{ key: 'haidian' }, { key: 'chaoyang' }] }, { key: 'tianjin' }],
      });
      expect(new Set(fields.map((field: Json) => field.type))).toEqual(
        new Set(['text', 'mobile', 'email', 'qq', 'wechat', 'checkbox', 'user', 'textarea', 'number', 'date', 'select', 'radio', 'cascade']),
      );
    });

    it('filters by name, type and enabled', async () => {
      const names = async (body: unknown) => (await t.call('config/field/list', { body })).json.data.map((field: Json) => field.name);
      expect(await names({ name: '地' })).toEqual(['详细地址', '所在地区']);
      expect(await names({ type: ['radio', 'cascade'] })).toEqual(['客户类型', '所在地区']);
      expect(await names({ enabled: false })).toEqual(['旧客户编号']);
      expect(await names({ enabled: true })).not.toContain('旧客户编号');
    });
  });
});
