import { describe, expect, it } from 'vitest';
import { mockPerSuite, type Json } from '../shared/test-support';
import { startTestMock } from './test-support';

describe('reference data', () => {
  const t = mockPerSuite(startTestMock, { resetEach: false });

  it('lists custom fields of all nine types at the misspelled path, with options for 6–9 and one deleted field', async () => {
    const { json } = await t.call('custom_field/custom_fieid_info_list');
    const items = json.items as Json[];
    expect(new Set(items.filter((field) => field.field_status === 1).map((field) => field.field_type))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    for (const field of items) {
      const hasOptions = [6, 7, 8, 9].includes(field.field_type);
      expect([field.field_name, Array.isArray(field.cus_field_data_info_list)]).toEqual([field.field_name, hasOptions]);
    }
    const option = items.find((field) => field.field_type === 6).cus_field_data_info_list[0];
    expect(Object.keys(option)).toEqual(expect.arrayContaining(['data_id', 'data_value', 'data_name', 'data_params']));
    expect(option.data_value).toMatch(/^\d{15}$/);
    expect(items.filter((field) => field.field_status === 0)).toHaveLength(1);
    expect((await t.call('custom_field/custom_field_info_list')).status).toBe(404);
  });

  it('answers sources with string values, as the example does', async () => {
    const { json } = await t.call('user_dynamic/getsource');
    expect(json.items).toContainEqual({ label: '企业微信', value: '9' });
    expect(json.items.every((item: Json) => typeof item.value === 'string')).toBe(true);
  });

  it('answers agents as a department tree of type 1 nodes with type 2 agents in sub_list', async () => {
    const { json } = await t.call('user/user_list');
    const flatten = (nodes: Json[]): Json[] => nodes.flatMap((node) => (node.type === 2 ? [node] : flatten(node.sub_list ?? [])));
    const agents = flatten(json.items);
    expect(json.items.every((node: Json) => node.type === 1)).toBe(true);
    expect(agents.map((agent) => agent.name)).toEqual(expect.arrayContaining(['王斌', '李丽', '系统管理员']));
    expect(agents.every((agent) => /^[0-9a-f]{32}$/.test(agent.id) && agent.sub_list === null)).toBe(true);
  });

  it('answers provinces, then cities of a province at city/, then districts of a city at area/', async () => {
    const provinces = (await t.call('user_dynamic/provice')).json.items as Json[];
    expect(provinces).toContainEqual({ provinceid: '130000', province_name: '河北省' });
    const cities = (await t.call('user_dynamic/city/130000')).json.items as Json[];
    expect(cities).toContainEqual({ cityid: '130300', city_name: '秦皇岛市', provinceid: '130000' });
    expect(cities.every((city) => city.provinceid === '130000')).toBe(true);
    const districts = (await t.call('user_dynamic/area/130300')).json.items as Json[];
    expect(districts).toEqual([
      { areaid: '130302', area_name: '海港区', cityid: '130300' },
      { areaid: '130303', area_name: '山海关区', cityid: '130300' },
    ]);
    expect((await t.call('user_dynamic/city/999999')).json.items).toEqual([]);
  });
});
