import { describe, expect, it } from 'vitest';
import { currentStage, labelRefsOf } from './cards';
import type { LabelGroup, TimelineEvent } from './domain';

const groups: LabelGroup[] = [
  { id: 'g1', name: '客户等级', color: '#F5A623', multipleChoice: false, labels: [{ id: 'l1', name: '金牌', groupId: 'g1' }] },
  { id: 'g2', name: '兴趣', color: '', multipleChoice: true, labels: [{ id: 'l2', name: '手机', groupId: 'g2' }] },
];

describe('labelRefsOf', () => {
  it('names and colours label ids by their group, and skips ids no group knows', () => {
    expect(labelRefsOf(['l2', 'gone', 'l1'], groups)).toEqual([
      { id: 'l2', name: '手机', color: undefined },
      { id: 'l1', name: '金牌', color: '#F5A623' },
    ]);
  });
});

describe('currentStage', () => {
  const stages = [
    { id: 's2', name: '意向确定', order: 2 },
    { id: 's3', name: '付款流程', order: 3 },
  ];
  const stageEvent = (at: number, to: string): TimelineEvent => ({ id: String(at), kind: 'stage', rawType: 'user_stage_update', at, stage: { to } });

  it('is the target of the newest stage change, whatever the order of the page', () => {
    expect(currentStage([stageEvent(1, '意向确定'), stageEvent(3, '付款流程'), stageEvent(2, '意向确定')], stages)).toEqual(stages[1]);
  });

  it('is null when the timeline has no stage change', () => {
    expect(currentStage([{ id: 'n', kind: 'note', rawType: 'record', at: 5, text: 'hi' }], stages)).toBeNull();
  });
});
