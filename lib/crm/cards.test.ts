import { describe, expect, it } from 'vitest';
import { labelRefsOf } from './cards';
import type { LabelGroup } from './domain';

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
