import { describe, expect, it, vi } from 'vitest';
import { DEMO_CREDENTIALS, FIXTURE_CUSTOMERS, stageIdNamed } from './fixtures';
import { AGENTS, CUSTOM_FIELDS, labelId } from './reference-data';
import { GENERATED_CUSTOMER_COUNT, seedState } from './seed';
import type { SobotState } from './state';

const snapshot = (state: SobotState) => JSON.stringify({ ...state, customers: [...state.customers], dynamics: [...state.dynamics] });

describe('the seed', () => {
  const state = seedState();
  const customers = [...state.customers.values()];
  const timelines = [...state.dynamics.values()].flat();

  it('is the same on every run and never asks Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    const again = seedState();
    expect(random).not.toHaveBeenCalled();
    expect(snapshot(again)).toBe(snapshot(state));
  });

  it('holds at least 200 customers besides the fixtures, with Chinese names, all four statuses and agents from the tree', () => {
    expect(customers.length).toBe(GENERATED_CUSTOMER_COUNT + Object.keys(FIXTURE_CUSTOMERS).length);
    expect(GENERATED_CUSTOMER_COUNT).toBeGreaterThanOrEqual(200);
    expect(customers.filter((customer) => /^[\u4e00-\u9fa5]{2,4}$/.test(customer.uname ?? '')).length).toBeGreaterThan(100);
    expect(new Set(customers.map((customer) => customer.crm_status))).toEqual(new Set([1, 2, 3, 4]));
    const agentIds = new Set(AGENTS.map((agent) => agent.id));
    expect(customers.filter((customer) => customer.crm_status === 3).every((customer) => agentIds.has(customer.liable_serviceid ?? ''))).toBe(true);
    expect(customers.some((customer) => customer.is_vip === '1')).toBe(true);
  });

  it('stores phones the way agents typed them: plain, +86, spaced, dashed and landlines', () => {
    const tels = customers.map((customer) => customer.tel ?? '');
    expect(tels.filter((tel) => /^1\d{10}$/.test(tel)).length).toBeGreaterThan(100);
    expect(tels.some((tel) => /^\+86 ?1\d{10}$/.test(tel))).toBe(true);
    expect(tels.some((tel) => /^1\d{2} \d{4} \d{4}$/.test(tel))).toBe(true);
    expect(tels.some((tel) => /^1\d{2}-\d{4}-\d{4}$/.test(tel))).toBe(true);
    expect(tels.some((tel) => /^(\(0\d{2,3}\)|0\d{2,3}-)\d{7,8}$/.test(tel))).toBe(true);
    expect(customers.filter((customer) => customer.email).length).toBeGreaterThan(80);
  });

  it('mixes seconds and milliseconds in biz_time and objects and JSON strings in biz_content', () => {
    expect(timelines.some((entry) => entry.biz_time < 1e11)).toBe(true);
    expect(timelines.some((entry) => entry.biz_time > 1e11)).toBe(true);
    expect(timelines.some((entry) => typeof entry.biz_content === 'string')).toBe(true);
    expect(new Set(timelines.map((entry) => entry.biz_type))).toEqual(
      new Set(['user_create', 'user_stage_update', 'user_follow_record', 'user_chat', 'user_visit', 'user_assign', 'user_label_update']),
    );
  });

  it('fills custom fields of every type with values the definitions allow', () => {
    for (const field of CUSTOM_FIELDS.filter((definition) => definition.field_status === 1)) {
      const values = customers.map((customer) => customer.ex_fields[field.field_id]).filter((value) => value !== undefined);
      expect([field.field_name, values.length > 0]).toEqual([field.field_name, true]);
      const options = new Set(field.cus_field_data_info_list?.map((option) => option.data_value));
      if (options.size > 0) expect(values.flatMap((value) => value.split(',')).every((value) => options.has(value))).toBe(true);
    }
  });

  it('builds the fixture customers exactly as fixtures.ts describes them', () => {
    const zhang = state.customers.get(FIXTURE_CUSTOMERS.zhangWei.id);
    expect(zhang).toMatchObject({ nick: '张伟', tel: '13812345678', email: 'zhang.wei@example.com', stageId: stageIdNamed('意向确定') });
    expect(zhang?.labelIds).toEqual([labelId('客户等级', '金卡会员'), labelId('兴趣', '数码产品')]);
    expect(state.customers.get(FIXTURE_CUSTOMERS.liNa.id)?.tel).toBe('+8613912345678');
    expect(state.customers.get(FIXTURE_CUSTOMERS.wangFang.id)?.tel).toBe('139 0000 1111');
    expect(state.customers.get(FIXTURE_CUSTOMERS.liuYang.id)?.tel).toBe('010-62345678');
    expect(customers.filter((customer) => customer.tel === '13700000000')).toHaveLength(2);
    const zhao = state.customers.get(FIXTURE_CUSTOMERS.zhaoMin.id);
    expect(zhao?.tel).toBeUndefined();
    expect(zhao?.email).toBe('zhao.min@example.org');
    expect(DEMO_CREDENTIALS).toEqual({ appid: 'sobot-demo', appKey: 'sobot-demo-key' });
  });

  it('gives nobody the numbers reserved as unknown, nor a fixture phone', () => {
    const digits = customers
      .filter((customer) => !Object.values(FIXTURE_CUSTOMERS).some((fixture) => fixture.id === customer.id))
      .map((customer) => (customer.tel ?? '').replace(/\D/g, ''));
    for (const reserved of ['13988880000', '13812345678', '13912345678', '13900001111', '13700000000']) {
      expect(digits.some((tel) => tel.includes(reserved))).toBe(false);
    }
  });
});
