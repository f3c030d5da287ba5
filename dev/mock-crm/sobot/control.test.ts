import { describe, expect, it } from 'vitest';
import { elapsed, mockPerSuite, type Json } from '../shared/test-support';
import { FIXTURE_CUSTOMERS } from './fixtures';
import { labelId } from './reference-data';
import { API, startTestMock } from './test-support';

const { zhangWei, liNa, wangFang } = FIXTURE_CUSTOMERS;
const STAGES_PATH = 'user_stage/query_list_by_type';

describe('the control API', () => {
  const t = mockPerSuite(startTestMock);

  it('logs every API request with its endpoint, status and ret_code, counts them, and clears the log', async () => {
    await t.getToken();
    await t.call(`lable/list?groupid=x`);
    await t.call(`user/detail/${zhangWei.id}`);
    await t.call(STAGES_PATH, { token: null });
    const { json } = await t.control('requests');
    expect(json.counts).toEqual({ get_token: 1, 'label/list': 1, 'user/detail': 1, [STAGES_PATH]: 1 });
    expect(json.entries[1]).toMatchObject({ method: 'GET', path: `${API}lable/list`, endpoint: 'label/list', status: 200, ret_code: '510001' });
    expect(json.entries[3]).toMatchObject({ endpoint: STAGES_PATH, ret_code: '900001' });
    expect(typeof json.entries[0].at).toBe('number');
    expect((await t.control('requests', undefined, 'DELETE')).status).toBe(200);
    expect((await t.control('requests')).json.counts).toEqual({});
  });

  it('adds latency to API requests until set back to 0', async () => {
    await t.control('latency', { ms: 250 });
    expect(await elapsed(() => t.call(STAGES_PATH))).toBeGreaterThanOrEqual(240);
    await t.control('latency', { ms: 0 });
    expect(await elapsed(() => t.call(STAGES_PATH))).toBeLessThan(200);
    expect((await t.control('latency', { ms: -1 })).status).toBe(400);
  });

  it('goes down by closing connections or answering 503, while the control API keeps working', async () => {
    await t.control('down', { down: true });
    await expect(t.call(STAGES_PATH)).rejects.toThrow();
    await t.control('down', { down: true, mode: '503' });
    expect((await t.raw(API + STAGES_PATH)).status).toBe(503);
    await t.control('down', { down: false });
    expect((await t.call(STAGES_PATH)).json.ret_code).toBe('000000');
    const faults = (await t.control('requests')).json.entries.map((entry: Json) => entry.fault ?? null);
    expect(faults).toEqual(['down', 'down', null]);
  });

  it('fails the next N requests with HTTP 500, a malformed body or a dropped connection, then recovers', async () => {
    await t.control('failures', { next: 2, kind: 'http500' });
    expect((await t.raw(API + STAGES_PATH)).status).toBe(500);
    expect((await t.raw(API + STAGES_PATH)).status).toBe(500);
    expect((await t.call(STAGES_PATH)).status).toBe(200);

    await t.control('failures', { next: 1, kind: 'malformed' });
    const malformed = await t.raw(API + STAGES_PATH);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();

    await t.control('failures', { next: 1, kind: 'drop' });
    await expect(t.raw(API + STAGES_PATH)).rejects.toThrow();
    expect((await t.call(STAGES_PATH)).status).toBe(200);
  });

  it('holds a request unanswered for the timeout fault, so the client must give up', async () => {
    await t.control('failures', { next: 1, kind: 'timeout' });
    const hung = fetch(t.mock.url + API + STAGES_PATH, { headers: { token: t.token()! }, signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow(/timeout|aborted/i);
  });

  it('fails only the chosen endpoint, at a rate, and after applying the write when asked', async () => {
    await t.control('failures', { rate: 1, kind: 'http500', endpoint: 'user_stage/record_save', applied: true });
    expect((await t.call(STAGES_PATH)).status).toBe(200);
    const write = await t.raw(`${API}user_stage/record_save`, { body: { userid: liNa.id, content: '超时但已保存的记录' } });
    expect(write.status).toBe(500);
    const stored = (await t.control(`state/customer/${liNa.id}`)).json;
    expect(stored.timeline[0].biz_content.content).toBe('超时但已保存的记录');

    await t.control('failures', { rate: 0.5, kind: 'http500' });
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => (await t.raw(API + STAGES_PATH)).status));
    expect(statuses).toContain(500);
    expect(statuses).toContain(200);
    await t.control('failures', {});
    expect((await t.raw(API + STAGES_PATH)).status).toBe(200);
    expect((await t.control('failures', { rate: 1, kind: 'explode' })).status).toBe(400);
  });

  it('expires the current token on demand', async () => {
    await t.control('expire-token', {});
    expect((await t.call(STAGES_PATH)).json.ret_code).toBe('900002');
    await t.getToken();
    expect((await t.call(STAGES_PATH)).json.ret_code).toBe('000000');
  });

  it('resets data, faults and log to the seed, keeping the issued token', async () => {
    await t.call(`label/update_userlabel/${zhangWei.id}`, { body: [] });
    await t.control('latency', { ms: 400 });
    await t.control('reset', {});
    expect(await elapsed(() => t.call(STAGES_PATH))).toBeLessThan(300);
    const labels = (await t.call('label/userlabels', { body: [zhangWei.id] })).json.items[0].label_set;
    expect(labels).toHaveLength(2);
    expect((await t.control('requests')).json.counts).toEqual({ [STAGES_PATH]: 1, 'label/userlabels': 1 });
  });

  it('shows a customer as stored, with label names, stage and timeline', async () => {
    const { json } = await t.control(`state/customer/${zhangWei.id}`);
    expect(json.customer).toMatchObject({ id: zhangWei.id, tel: '13812345678' });
    expect(json.labels.map((label: Json) => label.name)).toEqual(['金卡会员', '数码产品']);
    expect(json.stage.id).toBe('cb31d0aff036411fb9bf598baf4dc2ea');
    expect(json.timeline).toHaveLength(6);
    expect((await t.control('state/customer/nobody')).status).toBe(404);
  });

  it('lets a colleague change labels concurrently, without touching our token', async () => {
    const tokenBefore = t.token();
    const added = labelId('渠道', '抖音');
    const removed = labelId('兴趣', '数码产品');
    const { json } = await t.control(`act-as-colleague/labels/${zhangWei.id}`, { add: [added], remove: [removed] });
    expect(json.labelIds).toEqual([labelId('客户等级', '金卡会员'), added]);
    const seen = (await t.call('label/userlabels', { body: [zhangWei.id] })).json;
    expect(seen.ret_code).toBe('000000');
    expect(seen.items[0].label_set.map((label: Json) => label.name)).toEqual(['金卡会员', '抖音']);
    expect(t.token()).toBe(tokenBefore);
    const [entry] = (await t.call(`user_dynamic/list_by_page?userid=${zhangWei.id}`)).json.items;
    expect(entry).toMatchObject({ biz_type: 'user_label_update', biz_content: { bizOperatorName: '赵换然' } });
    expect((await t.control(`act-as-colleague/labels/${zhangWei.id}`, { add: ['nope'] })).status).toBe(400);
  });

  it('lets a colleague move the stage, which moves the update time and names the colleague as its author', async () => {
    const payment = '7b1c71f10c9e40c994c733c48974ce35';
    const before = (await t.call(`user/detail/${zhangWei.id}`)).json.item;
    const { json } = await t.control(`act-as-colleague/stage/${zhangWei.id}`, { stageId: payment, agent: '王斌' });
    expect(json.stageId).toBe(payment);
    const after = (await t.call(`user/detail/${zhangWei.id}`)).json.item;
    expect(Number(after.updateTime)).toBeGreaterThan(Number(before.updateTime));
    expect(after.updateUserName).toBe('王斌');
    const [entry] = (await t.call(`user_dynamic/list_by_page?userid=${zhangWei.id}`)).json.items;
    expect(entry).toMatchObject({ biz_type: 'user_stage_update', biz_content: { stageName: '付款流程', oldStageName: '意向确定', bizOperatorName: '王斌' } });
    expect((await t.control(`act-as-colleague/stage/${zhangWei.id}`, { stageId: 'nope' })).status).toBe(400);
  });

  it('merges one customer into another as section 4.3 describes: the merged id stops existing, its contacts and timeline move', async () => {
    const notesBefore = (await t.call(`user_dynamic/list_by_page?userid=${wangFang.id}&page_size=50`)).json.items.length;
    const { json } = await t.control('merge', { userid: liNa.id, merged_userid: wangFang.id, agent: '王斌' });
    expect(json.push).toMatchObject({
      sys_code: '50',
      type: 'crm',
      content: [{ msg_type: 1, userid: liNa.id, merged_userid: wangFang.id, biz_operator_name: '王斌' }],
    });
    const detail = await t.call(`user/detail/${wangFang.id}`);
    expect(detail.json).toMatchObject({ ret_code: '000000', item: null });
    expect((await t.call('user_stage/record_save', { body: { userid: wangFang.id, content: 'x' } })).json).toMatchObject({
      ret_code: '999999',
      ret_msg: '客户不存在',
    });
    const [found] = (await t.call(`user/list_by_page?search_type=4&search_value=${encodeURIComponent('139 0000 1111')}`)).json.items;
    expect(found).toMatchObject({ id: liNa.id, update_user_name: '王斌' });
    const kept = (await t.call(`user_dynamic/list_by_page?userid=${liNa.id}&page_size=50`)).json.items;
    expect(kept.filter((entry: Json) => entry.userid === liNa.id).length).toBeGreaterThan(notesBefore);
    expect((await t.control('merge', { userid: liNa.id, merged_userid: liNa.id })).status).toBe(400);
    expect((await t.control('merge', { userid: liNa.id, merged_userid: wangFang.id })).status).toBe(404);
  });

  it('deletes a customer: reads answer no item and a second delete is refused', async () => {
    expect((await t.control(`customers/${zhangWei.id}/delete`, {})).status).toBe(200);
    expect((await t.call(`user/detail/${zhangWei.id}`)).json.item).toBeNull();
    expect((await t.call('user/list_by_page?search_type=4&search_value=13812345678')).json.items).toEqual([]);
    expect((await t.control(`customers/${zhangWei.id}/delete`, {})).status).toBe(404);
  });

  it('plants hostile raw values that list and detail then serve as stored', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const patched = await t.control(`customers/${liNa.id}/patch`, { nick: hostile, tel: 13912345678, ex_field_str: 'not json', extra_field: { nested: true } });
    expect(patched.status).toBe(200);
    const [item] = (await t.call('user/list_by_page?search_type=5&search_value=lina_1990')).json.items;
    expect(item).toMatchObject({ nick: hostile, tel: 13912345678, ex_field_str: 'not json', extra_field: { nested: true } });
    const detail = (await t.call(`user/detail/${liNa.id}`)).json.item;
    expect(detail).toMatchObject({ nick: hostile, tel: '13912345678', ex_field_str: 'not json', extraField: { nested: true } });
    expect((await t.control(`customers/${liNa.id}/patch`, { labelIds: [] })).status).toBe(400);
  });

  it('answers 404 for an unknown control endpoint and lists the known ones', async () => {
    expect((await t.control('nothing-here')).status).toBe(404);
    expect((await t.control('')).json.endpoints).toContain('POST /__control/reset');
  });
});
