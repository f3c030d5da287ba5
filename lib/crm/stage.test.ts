import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './domain';
import { currentStage } from './stage';

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
