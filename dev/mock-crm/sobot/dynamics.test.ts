import { describe, expect, it } from 'vitest';
import { mockPerSuite, type Json } from '../shared/test-support';
import { FIXTURE_CUSTOMERS, stageIdNamed } from './fixtures';
import { labelId, STAGES } from './reference-data';
import { startTestMock } from './test-support';

const { zhangWei, liNa, chenJianguo } = FIXTURE_CUSTOMERS;
const toMs = (time: number) => (time < 1e11 ? time * 1000 : time);

describe('timeline and stages', () => {
  const t = mockPerSuite(startTestMock);

  const timeline = async (userid: string, extra = '') => (await t.call(`user_dynamic/list_by_page?userid=${userid}${extra}`)).json;

  it("reads a fixture's timeline newest first, biz_time mixing seconds and milliseconds, the newest stage being the current one", async () => {
    const page = await timeline(zhangWei.id);
    const items = page.items as Json[];
    expect(items.map((entry) => entry.biz_type)).toEqual([
      'user_stage_update',
      'user_follow_record',
      'user_stage_update',
      'user_follow_record',
      'user_stage_update',
      'user_create',
    ]);
    const times = items.map((entry) => toMs(entry.biz_time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.some((entry) => entry.biz_time < 1e11)).toBe(true);
    expect(items.some((entry) => entry.biz_time > 1e11)).toBe(true);
    expect(items[0].biz_content).toMatchObject({ stageName: '意向确定', stageId: stageIdNamed('意向确定'), oldStageName: '正常跟进', stageType: '1' });
    expect(items[5].biz_content.datas).toContainEqual({ type: 1, field: 'tel', name: '电话', value: '13812345678', oldValue: null });
    expect(page).toMatchObject({ page_no: 1, page_count: 1, total_count: 6, page_size: 15 });
  });

  it('filters by biz_type group and pages', async () => {
    const service = (await timeline(zhangWei.id, '&biz_type=groupService')).items as Json[];
    expect(new Set(service.map((entry) => entry.biz_type))).toEqual(new Set(['user_stage_update', 'user_follow_record']));
    const other = (await timeline(zhangWei.id, '&biz_type=groupOther')).items as Json[];
    expect(other.map((entry) => entry.biz_type)).toEqual(['user_create']);
    expect((await timeline(zhangWei.id, '&biz_type=groupUser')).items).toEqual([]);
    expect((await timeline(zhangWei.id, '&biz_type=everything')).ret_code).toBe('999999');
    const second = await timeline(zhangWei.id, '&page_no=2&page_size=4');
    expect(second).toMatchObject({ page_no: 2, page_count: 2, total_count: 6 });
    expect(second.items).toHaveLength(2);
  });

  it('appends a follow-up record to the top of the timeline, and a second identical one as another entry', async () => {
    const before = Date.now();
    const saved = await t.call('user_stage/record_save', { body: { userid: liNa.id, content: '客户确认下周到店看样品' } });
    expect(saved.json).toEqual({ ret_code: '000000', ret_msg: '操作成功' });
    const [newest] = (await timeline(liNa.id)).items;
    expect(newest.biz_type).toBe('user_follow_record');
    expect(newest.biz_content.content).toBe('客户确认下周到店看样品');
    expect(newest.biz_content.bizOperatorName).toBe('系统管理员');
    expect(toMs(newest.biz_time)).toBeGreaterThanOrEqual(before);

    await t.call('user_stage/record_save', { body: { userid: liNa.id, content: '客户确认下周到店看样品' } });
    const notes = ((await timeline(liNa.id, '&biz_type=groupService')).items as Json[]).filter(
      (entry) => entry.biz_content.content === '客户确认下周到店看样品',
    );
    expect(notes).toHaveLength(2);
    expect((await t.call('user_stage/record_save', { body: { userid: liNa.id, content: ' ' } })).json.ret_code).toBe('999999');
    expect((await t.call('user_stage/record_save', { body: { userid: 'nobody', content: 'x' } })).json.ret_code).toBe('999999');
  });

  it('lists the five stages of the document with their ids', async () => {
    const { json } = await t.call('user_stage/query_list_by_type');
    expect(json.items).toEqual(STAGES);
    expect(json.items.map((stage: Json) => stage.name)).toEqual(['初步沟通', '正常跟进', '意向确定', '付款流程', '交易达成']);
    expect(json.items[0].id).toBe('15d6506f836c4340b7b36fb94bdedf31');
  });

  it('moves the stage (stage_type defaulting to 1), appending the change to the timeline and to the stage filter', async () => {
    const paying = stageIdNamed('付款流程');
    const moved = await t.call('user_stage/stage_save', { body: { userid: zhangWei.id, stageid: paying, stage_name: '付款流程' } });
    expect(moved.json.ret_code).toBe('000000');
    const [newest] = (await timeline(zhangWei.id)).items;
    expect(newest.biz_type).toBe('user_stage_update');
    expect(newest.biz_content).toMatchObject({ stageType: '1', stageTypeName: '跟进过程', stageId: paying, stageName: '付款流程', oldStageName: '意向确定' });
    const inStage = (await t.call(`user/list_by_page?stageid=${paying}&page_size=500`)).json.items.map((item: Json) => item.id);
    expect(inStage).toContain(zhangWei.id);

    await t.call('user_stage/stage_save', { body: { userid: zhangWei.id, stageid: paying, stage_type: 21, remark: '已签合同' } });
    const [won] = (await timeline(zhangWei.id)).items;
    expect(won.biz_content).toMatchObject({ stageType: '21', stageTypeName: '已成单', stageName: null, remark: '已签合同' });
  });

  it("moves the customer's update time (seconds) with every stage change and a colleague's label change, as Sobot's 更新客户 push says", async () => {
    const updateTime = async () => (await t.control(`state/customer/${chenJianguo.id}`)).json.customer.update_time as number;
    const listed = async () => ((await t.call('user/list_by_page?page_size=500')).json.items as Json[]).find((item) => item.id === chenJianguo.id)!.update_time;
    const seeded = await updateTime();
    const before = Math.floor(Date.now() / 1000);
    expect(seeded).toBeLessThan(before);
    await t.call('user_stage/stage_save', { body: { userid: chenJianguo.id, stageid: stageIdNamed('付款流程'), stage_type: 1 } });
    expect(await updateTime()).toBeGreaterThanOrEqual(before);
    expect(await listed()).toBe(await updateTime());

    await t.control(`customers/${chenJianguo.id}/patch`, { update_time: seeded });
    await t.call('user_stage/stage_save', { body: { userid: chenJianguo.id, stage_type: 22 } });
    expect(await updateTime()).toBeGreaterThanOrEqual(before);

    await t.control(`customers/${chenJianguo.id}/patch`, { update_time: seeded });
    await t.control(`act-as-colleague/labels/${chenJianguo.id}`, { add: [labelId('渠道', '抖音')] });
    expect(await updateTime()).toBeGreaterThanOrEqual(before);
  });

  it('refuses an unknown stage, stage type or customer', async () => {
    expect((await t.call('user_stage/stage_save', { body: { userid: chenJianguo.id, stageid: 'nope' } })).json.ret_code).toBe('999999');
    expect((await t.call('user_stage/stage_save', { body: { userid: chenJianguo.id, stageid: STAGES[0]!.id, stage_type: 7 } })).json.ret_code).toBe('999999');
    expect((await t.call('user_stage/stage_save', { body: { userid: 'nobody', stageid: STAGES[0]!.id } })).json.ret_code).toBe('999999');
  });
});
