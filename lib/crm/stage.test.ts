import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './domain';
import { currentResult, currentStage } from './stage';

describe('currentStage', () => {
  const stages = [
    { id: 's2', name: '意向确定', order: 2 },
    { id: 's3', name: '付款流程', order: 3 },
  ];
  const stageEvent = (at: number, to: string): TimelineEvent => ({ id: String(at), kind: 'stage', rawType: 'user_stage_update', at, stage: { to } });

  it('is the target of the newest stage change, whatever the order of the page', () => {
    expect(currentStage([stageEvent(1, '意向确定'), stageEvent(3, '付款流程'), stageEvent(2, '意向确定')], stages)).toEqual(stages[1]);
  });

  it('stays the stage a result closed, and the result is told apart', () => {
    // Sobot's result entry names the result (成单), not a stage.
    const won: TimelineEvent = { id: 'r', kind: 'stage', rawType: 'user_stage_update', at: 4, stage: { to: '成单', result: 'won' } };
    const events = [stageEvent(1, '意向确定'), stageEvent(3, '付款流程'), won];
    expect(currentStage(events, stages)).toEqual(stages[1]);
    expect(currentResult(events)).toBe('won');
    // Moved on after the result: the result no longer holds.
    expect(currentResult([...events, stageEvent(5, '意向确定')])).toBeUndefined();
  });

  it('is null when the timeline has no stage change', () => {
    expect(currentStage([{ id: 'n', kind: 'note', rawType: 'record', at: 5, text: 'hi' }], stages)).toBeNull();
  });
});
