import { describe, expect, it } from 'vitest';
import { mockPerSuite, type Json } from '../shared/test-support';
import { FIXTURE_CUSTOMERS, stageIdNamed } from './fixtures';
import { AGENTS, API_AGENT, CUSTOM_FIELDS, labelId } from './reference-data';
import { startTestMock } from './test-support';

const { zhangWei, liNa, wangFang, liuYang, chenJing, chenJianguo, zhaoMin } = FIXTURE_CUSTOMERS;
const agent = (name: string) => AGENTS.find((candidate) => candidate.name === name)!;

describe('customers', () => {
  const t = mockPerSuite(startTestMock);

  const search = async (query: string) => (await t.call(`user/list_by_page?${query}`)).json;
  const idsFound = async (type: number | string, value: string) =>
    ((await search(`search_type=${type}&search_value=${encodeURIComponent(value)}`)).items as Json[]).map((item) => item.id);

  describe('list_by_page', () => {
    it('searches by nick (1), real name (2) and company (3) as substrings', async () => {
      expect(await idsFound(1, '张伟')).toEqual([zhangWei.id]);
      expect(await idsFound(1, '刘经理')).toEqual([liuYang.id]);
      expect(await idsFound(2, '刘洋')).toEqual([liuYang.id]);
      expect(await idsFound(1, '刘洋')).toEqual([]);
      expect(await idsFound(3, '华宇商贸有限公司')).toContain(liuYang.id);
      expect(await idsFound(3, '星辰科技')).toContain(zhangWei.id);
    });

    it('searches phone (4) on the text as stored, so each spelling finds only what was typed that way', async () => {
      expect(await idsFound(4, '13812345678')).toEqual([zhangWei.id]);
      expect(await idsFound(4, '13912345678')).toEqual([liNa.id]);
      expect(await idsFound(4, '+8613912345678')).toEqual([liNa.id]);
      expect(await idsFound(4, '13900001111')).toEqual([]);
      expect(await idsFound(4, '139 0000 1111')).toEqual([wangFang.id]);
      expect(await idsFound(4, '010-62345678')).toEqual([liuYang.id]);
      expect((await idsFound(4, '13700000000')).sort()).toEqual([chenJing.id, chenJianguo.id].sort());
      expect(await idsFound(4, '13988880000')).toEqual([]);
      expect(await idsFound(4, '139 8888 0000')).toEqual([]);
    });

    it('searches email (5) ignoring case, and accepts the example spelling search_type=tel', async () => {
      expect(await idsFound(5, 'ZHANG.WEI@example.com')).toEqual([zhangWei.id]);
      expect(await idsFound(5, 'zhao.min@example.org')).toEqual([zhaoMin.id]);
      expect(await idsFound('tel', '13812345678')).toEqual([zhangWei.id]);
      expect((await search('search_type=9&search_value=x')).ret_code).toBe('999999');
    });

    it("answers list items in the example's shape: snake_case, numbers as numbers, is_vip a string, empty fields left out", async () => {
      const [item] = (await search(`search_type=5&search_value=zhao.min`)).items;
      expect(item).toMatchObject({ id: zhaoMin.id, nick: '赵敏', sex: 2, crm_status: 3, is_vip: '0', user_status: 0, status: 8, liable_service_name: '李丽' });
      expect(typeof item.create_time).toBe('number');
      expect(item).not.toHaveProperty('tel');
      expect(item).not.toHaveProperty('uname');
      const [zhang] = (await search('search_type=4&search_value=13812345678')).items;
      expect(zhang.is_vip).toBe('1');
      expect(zhang.biz_label.split(',')).toEqual([labelId('客户等级', '金卡会员'), labelId('兴趣', '数码产品')]);
      expect(typeof zhang.ex_field_str).toBe('string');
    });

    it('pages by 15 by default, with numeric page fields over at least 200 customers', async () => {
      const first = await search('');
      expect(first.items).toHaveLength(15);
      expect(first.total_count).toBeGreaterThanOrEqual(200);
      expect(first).toMatchObject({ page_no: 1, page_size: 15, page_count: Math.ceil(first.total_count / 15) });
      const second = await search('page_no=2');
      const firstIds = new Set(first.items.map((item: Json) => item.id));
      expect(second.items.some((item: Json) => firstIds.has(item.id))).toBe(false);
      // Newest first.
      expect(first.items[0].create_time).toBeGreaterThanOrEqual(first.items[14].create_time);
    });

    it('filters by stage, creation time, label, blacklist and module', async () => {
      const agreed = await search(`stageid=${stageIdNamed('意向确定')}&page_size=500`);
      const agreedIds = agreed.items.map((item: Json) => item.id);
      expect(agreedIds).toContain(zhangWei.id);
      expect(agreedIds).not.toContain(liNa.id);

      const created = (await search(`search_type=4&search_value=13812345678`)).items[0].create_time as number;
      expect((await search(`create_start_time=${created}&create_end_time=${created}&page_size=500`)).items.map((item: Json) => item.id)).toContain(zhangWei.id);
      expect((await search(`create_start_time=${created + 1}&page_size=500`)).items.map((item: Json) => item.id)).not.toContain(zhangWei.id);
      expect((await search('create_start_time=yesterday')).ret_code).toBe('999999');

      const gold = labelId('客户等级', '金卡会员');
      const labelled = await search(`user_label=${gold}&page_size=500`);
      expect(labelled.items.length).toBeGreaterThan(1);
      expect(labelled.items.every((item: Json) => item.biz_label.split(',').includes(gold))).toBe(true);

      const black = await search('isblack=1&page_size=500');
      expect(black.items.length).toBeGreaterThan(0);
      expect(black.items.every((item: Json) => item.user_status === 1)).toBe(true);

      for (const [module, status] of [
        [2, 1],
        [3, 2],
        [4, 3],
        [5, 4],
      ]) {
        const page = await search(`module_type=${module}&page_size=500`);
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.items.every((item: Json) => item.crm_status === status)).toBe(true);
      }
      const mine = await search('module_type=6&page_size=500');
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((item: Json) => item.liable_serviceid === API_AGENT.id)).toBe(true);
    });

    it('accepts POST with a query string (as the example does), the query winning over the body', async () => {
      const posted = await t.call('user/list_by_page?search_type=4&search_value=13812345678', {
        method: 'POST',
        body: { search_type: 5, search_value: 'zhao.min@example.org' },
      });
      expect(posted.json.items.map((item: Json) => item.id)).toEqual([zhangWei.id]);
      const bodyOnly = await t.call('user/list_by_page', { method: 'POST', body: { search_type: 5, search_value: 'zhao.min@example.org' } });
      expect(bodyOnly.json.items.map((item: Json) => item.id)).toEqual([zhaoMin.id]);
    });
  });

  describe('detail', () => {
    it('answers camelCase with every value a string and a snake_case ex_field_str of all fields', async () => {
      const { json } = await t.call(`user/detail/${zhangWei.id}`);
      const item = json.item;
      expect(item).toMatchObject({
        id: zhangWei.id,
        nick: '张伟',
        tel: '13812345678',
        email: 'zhang.wei@example.com',
        crmStatus: '3',
        liableServiceName: '王斌',
        liableServiceId: agent('王斌').id,
        enterpriseName: '北京星辰科技有限公司',
        proviceName: '北京市',
        cityName: '北京市',
        areaName: '海淀区',
        isVip: '1',
        sex: '1',
      });
      for (const [key, value] of Object.entries(item)) expect([key, typeof value]).toEqual([key, 'string']);
      expect(item).not.toHaveProperty('crm_status');
      expect(item.createTime).toMatch(/^\d{10}$/);
      const fields = JSON.parse(item.ex_field_str) as Json[];
      expect(fields).toHaveLength(CUSTOM_FIELDS.filter((field) => field.field_status === 1).length);
      const industry = CUSTOM_FIELDS.find((field) => field.field_type === 6)!;
      expect(fields.find((field) => field.fieldid === industry.field_id)).toMatchObject({ field_text: '互联网', field_type: '6', field_params: 'industry' });
      const cascade = fields.find((field) => field.field_type === '9');
      expect(cascade.field_text).toBe('华北,北京');
      expect(cascade.field_value.split(',')).toHaveLength(2);
      expect(fields.find((field) => field.field_type === '1').field_value).toBe('');
    });

    it('answers success with a null item for an unknown id', async () => {
      expect((await t.call('user/detail/0123456789abcdef0123456789abcdef')).json).toEqual({ item: null, ret_code: '000000', ret_msg: '操作成功' });
    });
  });

  describe('save and update', () => {
    it('creates a customer that search and detail then find, with a creation entry in its timeline', async () => {
      const select = CUSTOM_FIELDS.find((field) => field.field_type === 6)!;
      const option = select.cus_field_data_info_list![1]!;
      const saved = await t.call('user/save', {
        body: {
          nick: '周杰',
          tel: '15011112222',
          email: 'zhoujie@example.net',
          crm_status: 3,
          liable_serviceid: agent('周婷').id,
          proviceid: '330000',
          ex_field_str: JSON.stringify([{ field_params: 'industry', field_value: option.data_value }]),
        },
      });
      expect(saved.json.ret_code).toBe('000000');
      const id = saved.json.item as string;
      expect(await idsFound(4, '15011112222')).toEqual([id]);
      const detail = (await t.call(`user/detail/${id}`)).json.item;
      expect(detail).toMatchObject({ nick: '周杰', crmStatus: '3', liableServiceName: '周婷', proviceName: '浙江省' });
      expect(JSON.parse(detail.ex_field_str).find((field: Json) => field.fieldid === select.field_id).field_text).toBe(option.data_name);
      const timeline = (await t.call(`user_dynamic/list_by_page?userid=${id}`)).json.items;
      expect(timeline.map((entry: Json) => entry.biz_type)).toEqual(['user_create']);
    });

    it('refuses names over 50 characters, crm_status 3 without an agent, and unknown options, with 999999 and a reason', async () => {
      const long = await t.call('user/save', { body: { nick: '名'.repeat(51) } });
      expect(long.json).toEqual({ ret_code: '999999', ret_msg: '客户昵称不能超过50字' });
      expect((await t.call('user/save', { body: { nick: 'ok', uname: 'u'.repeat(51) } })).json.ret_msg).toBe('真实姓名不能超过50字');
      expect((await t.call('user/save', { body: { nick: '名'.repeat(50) } })).json.ret_code).toBe('000000');
      const unowned = await t.call('user/save', { body: { nick: '无人跟进', crm_status: 3 } });
      expect(unowned.json.ret_code).toBe('999999');
      expect(unowned.json.ret_msg).toContain('liable_serviceid');
      const badOption = await t.call('user/save', {
        body: { nick: 'x', ex_field_str: JSON.stringify([{ fieldid: CUSTOM_FIELDS[5]!.field_id, field_value: '1' }]) },
      });
      expect(badOption.json.ret_code).toBe('999999');
      expect((await t.call('user/save', { body: {} })).json.ret_code).toBe('999999');
    });

    it('updates fields in place, records the change, and rejects an unknown customer', async () => {
      const updated = await t.call(`user/update/${wangFang.id}`, { body: { id: 'ignored', tel: '13900001111', remark: '已改为标准格式' } });
      expect(updated.json.ret_code).toBe('000000');
      expect(await idsFound(4, '13900001111')).toEqual([wangFang.id]);
      const [latest] = (await t.call(`user_dynamic/list_by_page?userid=${wangFang.id}`)).json.items;
      expect(latest.biz_type).toBe('user_update');
      expect(latest.biz_content.datas).toContainEqual({ type: 1, field: 'tel', name: '电话', value: '13900001111', oldValue: '139 0000 1111' });
      expect((await t.call('user/update/nobody', { body: { nick: 'x' } })).json.ret_code).toBe('999999');
    });
  });

  describe('public pool', () => {
    it('assigns customers to agents and recycles them to the public pool', async () => {
      const assigned = await t.call('public_user/assign', {
        body: {
          assign_biz_type: '5',
          confirmids: `${chenJing.id},${chenJianguo.id}`,
          liable_list: [{ liable_serviceid: agent('高翔').id, liable_service_name: '高翔' }],
        },
      });
      expect(assigned.json.ret_code).toBe('000000');
      for (const id of [chenJing.id, chenJianguo.id]) {
        expect((await t.call(`user/detail/${id}`)).json.item).toMatchObject({ crmStatus: '3', liableServiceName: '高翔' });
      }
      expect((await t.call('public_user/confirm', { body: { confirmids: chenJing.id, confirm_type: 1 } })).json.ret_code).toBe('000000');
      const recycled = (await t.call(`user/detail/${chenJing.id}`)).json.item;
      expect(recycled.crmStatus).toBe('4');
      expect(recycled).not.toHaveProperty('liableServiceName');
      expect(
        (await t.call('public_user/assign', { body: { confirmids: 'nobody', liable_list: [{ liable_serviceid: agent('高翔').id }] } })).json.ret_code,
      ).toBe('999999');
      expect((await t.call('public_user/assign', { body: { confirmids: chenJing.id, liable_list: [] } })).json.ret_code).toBe('999999');
    });
  });
});
