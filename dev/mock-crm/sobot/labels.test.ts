import { describe, expect, it } from 'vitest';
import { mockPerSuite, type Json } from '../shared/test-support';
import { FIXTURE_CUSTOMERS } from './fixtures';
import { labelGroupId, labelId } from './reference-data';
import { startTestMock } from './test-support';

const { zhangWei, liNa } = FIXTURE_CUSTOMERS;
const INTEREST = labelGroupId('兴趣');

describe('label groups and labels', () => {
  const t = mockPerSuite(startTestMock);

  it('lists the seeded groups with colours and single/multiple choice, page fields as numbers', async () => {
    const { json } = await t.call('label_group/list?page_no=1&page_size=100');
    const byName = Object.fromEntries(json.items.map((group: Json) => [group.name, group]));
    expect(byName.客户等级).toMatchObject({ is_multiple_choice: 0, color_value: '#F5A623', status: 1, type: 1 });
    expect(byName.兴趣).toMatchObject({ is_multiple_choice: 1 });
    expect(byName.渠道).toMatchObject({ is_multiple_choice: 1 });
    expect(json).toMatchObject({ page_no: 1, page_count: 1, total_count: json.items.length, page_size: 100 });
    const small = await t.call('label_group/list?page_no=2&page_size=2');
    expect(small.json).toMatchObject({ page_no: 2, page_size: 2, page_count: Math.ceil(json.items.length / 2) });
    expect(small.json.items.map((group: Json) => group.id)).toEqual(json.items.slice(2, 4).map((group: Json) => group.id));
  });

  it('creates, renames and removes a group, answering the 5100xx codes for bad names', async () => {
    const created = await t.call('label_group/save', { body: { name: '活动', color_value: '#345454', is_multiple_choice: 1 } });
    expect(created.json.ret_code).toBe('000000');
    const id = created.json.item as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect((await t.call('label_group/save', { body: { name: '活动' } })).json.ret_code).toBe('510002');
    expect((await t.call('label_group/save', { body: { name: '  ' } })).json.ret_code).toBe('510005');
    expect((await t.call('label_group/save', { body: { name: '长'.repeat(31) } })).json.ret_code).toBe('510007');
    expect((await t.call('label_group/save', { body: { name: '长'.repeat(30) } })).json.ret_code).toBe('000000');

    expect((await t.call('label_group/update', { body: { id, name: '双十一活动' } })).json.ret_code).toBe('000000');
    expect((await t.call('label_group/update', { body: { id, name: '兴趣' } })).json.ret_code).toBe('510002');
    expect((await t.call('label_group/update', { body: { id: 'nope', name: 'x' } })).json.ret_code).toBe('510001');
    const listed = (await t.call('label_group/list')).json.items.find((group: Json) => group.id === id);
    expect(listed).toMatchObject({ name: '双十一活动', is_multiple_choice: 1, color_value: '#345454' });

    expect((await t.call(`label_group/remove?id=${id}`)).json.ret_code).toBe('000000');
    expect((await t.call(`label_group/remove?id=${id}`)).json.ret_code).toBe('510001');
  });

  it('saves a label under groupid or groupId without returning its id, and validates names', async () => {
    const saved = await t.call('label/save', { body: { name: '露营', groupId: INTEREST } });
    expect(saved.json).toEqual({ ret_code: '000000', ret_msg: '操作成功' });
    expect((await t.call('label/save', { body: { name: '骑行', groupid: INTEREST } })).json.ret_code).toBe('000000');
    const names = (await t.call(`label/list?groupid=${INTEREST}`)).json.items.map((label: Json) => label.name);
    expect(names).toEqual(expect.arrayContaining(['露营', '骑行', '数码产品']));

    expect((await t.call('label/save', { body: { name: '露营', groupid: INTEREST } })).json.ret_code).toBe('510003');
    expect((await t.call('label/save', { body: { name: '', groupid: INTEREST } })).json.ret_code).toBe('510006');
    expect((await t.call('label/save', { body: { name: '标'.repeat(31), groupid: INTEREST } })).json.ret_code).toBe('510007');
    expect((await t.call('label/save', { body: { name: 'x', groupid: INTEREST, param_name: 'p'.repeat(31) } })).json.ret_code).toBe('510008');
    expect((await t.call('label/save', { body: { name: 'x', groupid: 'missing' } })).json.ret_code).toBe('510001');
    await t.call('label/save', { body: { name: 'a', groupid: INTEREST, param_name: 'camping' } });
    expect((await t.call('label/save', { body: { name: 'b', groupid: INTEREST, param_name: 'camping' } })).json.ret_code).toBe('510004');
  });

  it('removes a label by ?id= and by /remove/{id}, and through the "lable" spelling of the examples', async () => {
    const digital = labelId('兴趣', '数码产品');
    const baby = labelId('兴趣', '母婴用品');
    expect((await t.call(`label/remove?id=${digital}`)).json.ret_code).toBe('000000');
    expect((await t.call(`lable/remove/${baby}`)).json.ret_code).toBe('000000');
    expect((await t.call(`label/remove/${baby}`)).json.ret_code).toBe('510004');
    const ids = (await t.call(`lable/list?groupid=${INTEREST}`)).json.items.map((label: Json) => label.id);
    expect(ids).not.toContain(digital);
    expect(ids).not.toContain(baby);
    // A removed label is gone from the customers that had it.
    const labels = (await t.call('label/userlabels', { body: [zhangWei.id] })).json.items[0].label_set;
    expect(labels.map((label: Json) => label.id)).toEqual([labelId('客户等级', '金卡会员')]);
    const counts = (await t.control('requests')).json.counts;
    expect(counts['label/remove']).toBe(3);
    expect(counts['label/list']).toBe(1);
  });

  it('renames a label and refuses an unknown one with 510004', async () => {
    const id = labelId('渠道', '抖音');
    expect((await t.call('label/update', { body: { id, name: '抖音直播' } })).json.ret_code).toBe('000000');
    const names = (await t.call(`label/list?groupid=${labelGroupId('渠道')}`)).json.items.map((label: Json) => label.name);
    expect(names).toContain('抖音直播');
    expect((await t.call('label/update', { body: { id: 'gone', name: 'x' } })).json.ret_code).toBe('510004');
    expect((await t.call('label/update', { body: { id, name: '小红书' } })).json.ret_code).toBe('510003');
  });

  it('reads customer labels from a bare array or {ids}, with names and group colours', async () => {
    const fromArray = await t.call('label/userlabels', { body: [zhangWei.id, zhangWei.id, liNa.id] });
    expect(fromArray.json.items).toHaveLength(2);
    expect(fromArray.json.items[0]).toEqual({
      userid: zhangWei.id,
      label_set: [
        { id: labelId('客户等级', '金卡会员'), name: '金卡会员', color_value: '#F5A623' },
        { id: labelId('兴趣', '数码产品'), name: '数码产品', color_value: '#76A6F1' },
      ],
    });
    const fromObject = await t.call('label/userlabels', { body: { ids: [liNa.id] } });
    expect(fromObject.json.items).toEqual([fromArray.json.items[1]]);
  });

  it('replaces the whole label set with the bare array of update_userlabel', async () => {
    const vip = labelId('客户等级', '钻石会员');
    const written = await t.call(`label/update_userlabel/${zhangWei.id}`, { body: [{ id: vip, name: '钻石会员' }] });
    expect(written.json.ret_code).toBe('000000');
    const after = (await t.call('label/userlabels', { body: [zhangWei.id] })).json.items[0].label_set;
    expect(after.map((label: Json) => label.id)).toEqual([vip]);

    expect((await t.call(`label/update_userlabel/${zhangWei.id}`, { body: [] })).json.ret_code).toBe('000000');
    expect((await t.call('label/userlabels', { body: [zhangWei.id] })).json.items[0].label_set).toEqual([]);

    expect((await t.call(`label/update_userlabel/${zhangWei.id}`, { body: [{ id: 'missing', name: '?' }] })).json.ret_code).toBe('510004');
    expect((await t.call(`label/update_userlabel/${zhangWei.id}`, { body: { id: vip } })).json.ret_code).toBe('999999');
    expect((await t.call('label/update_userlabel/nobody', { body: [] })).json.ret_code).toBe('999999');
  });

  it('takes list parameters from a POST too, the query string winning over the body', async () => {
    const channel = labelGroupId('渠道');
    const posted = await t.call(`label/list?groupid=${channel}`, { method: 'POST', body: { groupid: INTEREST } });
    expect(posted.json.items.every((label: Json) => label.groupid === channel)).toBe(true);
    const fromBody = await t.call('label/list', { method: 'POST', body: { groupid: INTEREST, page_size: 2 } });
    expect(fromBody.json.items).toHaveLength(2);
    expect(fromBody.json.items.every((label: Json) => label.groupid === INTEREST)).toBe(true);
  });

  it('refuses GET on a POST endpoint with HTTP 405', async () => {
    expect((await t.call('label/save')).status).toBe(405);
  });
});
