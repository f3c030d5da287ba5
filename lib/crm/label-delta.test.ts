import { describe, expect, it } from 'vitest';
import type { LabelGroup } from './domain';
import { applyLabelClick, mergeLabelDelta } from './label-delta';

const single: LabelGroup = {
  id: 'g-intent',
  name: '意向',
  color: '#76A6F1',
  multipleChoice: false,
  labels: [
    { id: 'hot', name: '高意向', groupId: 'g-intent' },
    { id: 'warm', name: '中意向', groupId: 'g-intent' },
    { id: 'cold', name: '低意向', groupId: 'g-intent' },
  ],
};
const multi: LabelGroup = {
  id: 'g-topic',
  name: '关注',
  color: '',
  multipleChoice: true,
  labels: [
    { id: 'price', name: '价格', groupId: 'g-topic' },
    { id: 'delivery', name: '配送', groupId: 'g-topic' },
  ],
};
const [hot, warm] = single.labels as [(typeof single.labels)[0], (typeof single.labels)[0]];
const [price, delivery] = multi.labels as [(typeof multi.labels)[0], (typeof multi.labels)[0]];
const ref = (id: string, name = id) => ({ id, name });

describe('applyLabelClick', () => {
  it('toggles a label on and off in a multi-choice group, leaving the group’s others alone', () => {
    expect(applyLabelClick([ref('delivery', '配送')], multi, price)).toEqual({ add: [{ id: 'price', name: '价格' }], remove: [] });
    expect(applyLabelClick([ref('price', '价格'), ref('delivery', '配送')], multi, delivery)).toEqual({ add: [], remove: ['delivery'] });
  });

  it('replaces the group’s other label in a single-choice group, carrying the group colour', () => {
    const delta = applyLabelClick([ref('warm', '中意向'), ref('price', '价格')], single, hot);
    expect(delta.add).toEqual([{ id: 'hot', name: '高意向', color: '#76A6F1' }]);
    expect(delta.remove.sort()).toEqual(['cold', 'warm']);
  });

  it('clears the chosen label of a single-choice group when it is picked again', () => {
    expect(applyLabelClick([ref('warm', '中意向'), ref('price')], single, warm)).toEqual({ add: [], remove: ['warm'] });
  });
});

describe('mergeLabelDelta', () => {
  it('applies the delta to the labels read right before writing', () => {
    expect(mergeLabelDelta([ref('a'), ref('b')], { add: [ref('c')], remove: ['a'] })).toEqual([ref('b'), ref('c')]);
  });

  it('keeps a label a colleague added since the agent looked', () => {
    // The agent saw [a] and added price; meanwhile a colleague added x.
    const agentDelta = applyLabelClick([ref('a')], multi, price);
    expect(mergeLabelDelta([ref('a'), ref('x')], agentDelta).map((label) => label.id)).toEqual(['a', 'x', 'price']);
  });

  it('does not resurrect a label a colleague removed since the agent looked', () => {
    // The agent saw [a, y] and added price; meanwhile a colleague removed y.
    const agentDelta = applyLabelClick([ref('a'), ref('y')], multi, price);
    expect(mergeLabelDelta([ref('a')], agentDelta).map((label) => label.id)).toEqual(['a', 'price']);
  });

  it('brings back a label a colleague removed when this agent is the one adding it', () => {
    expect(mergeLabelDelta([ref('a')], { add: [ref('y')], remove: [] }).map((label) => label.id)).toEqual(['a', 'y']);
  });

  it('adds once, with the CRM’s entry, a label both added, and ignores removing one already gone', () => {
    expect(mergeLabelDelta([ref('price', '价格 (CRM)')], { add: [ref('price', '价格')], remove: ['z'] })).toEqual([{ id: 'price', name: '价格 (CRM)' }]);
  });

  it('keeps a single-choice group at one label when a colleague picked another one meanwhile', () => {
    // The agent saw nothing in the group and picked hot; meanwhile a colleague picked warm.
    const agentDelta = applyLabelClick([ref('price')], single, hot);
    const merged = mergeLabelDelta([ref('price'), ref('warm'), ref('other-group')], agentDelta);
    expect(merged.map((label) => label.id)).toEqual(['price', 'other-group', 'hot']);
  });

  it('writes each id once even when the CRM listed one twice', () => {
    expect(mergeLabelDelta([ref('a'), ref('a')], { add: [], remove: [] })).toEqual([ref('a')]);
  });

  it('lets an add win over a remove of the same id', () => {
    expect(mergeLabelDelta([ref('a')], { add: [ref('a', 'A2')], remove: ['a'] })).toEqual([ref('a', 'A2')]);
  });
});
