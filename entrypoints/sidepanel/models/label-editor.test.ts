import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabelGroup, LabelRef } from '@/lib/crm/domain';
import type { CustomerCard } from '@/lib/crm/views';
import type { OutboxWrite } from '@/lib/outbox/types';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { RequestError } from '@/lib/messaging/client';
import type { CardVocabulary } from '@/lib/crm/views';
import * as labelRules from './label-editor';
import { lookupOnScreen } from './lookup.testing';
import { createUndoModel } from './undo';
import { createWritesModel } from './writes';

const { client, request } = fakeClient();
const { lookup, settings, showLookup } = lookupOnScreen(client);
const referenceData = signal<CardVocabulary | undefined>(undefined);
const writes = createWritesModel({ client, settings });
/** The module's rules and one editor, as the panel makes it. */
const editor = { ...labelRules, ...labelRules.createLabelEditorModel({ client, lookup, reference: { referenceData }, undo: createUndoModel(), writes }) };

const level: LabelGroup = {
  id: 'g-level',
  name: '客户等级',
  color: '#F5A623',
  multipleChoice: false,
  labels: [
    { id: 'silver', name: '银卡会员', groupId: 'g-level' },
    { id: 'gold', name: '金卡会员', groupId: 'g-level' },
  ],
};
const interest: LabelGroup = {
  id: 'g-interest',
  name: '兴趣',
  color: '#76A6F1',
  multipleChoice: true,
  labels: [
    { id: 'digital', name: '数码产品', groupId: 'g-interest' },
    { id: 'home', name: '家居生活', groupId: 'g-interest' },
  ],
};
const ref = (id: string, name: string, color?: string): LabelRef => (color ? { id, name, color } : { id, name });
const write = (patch: Partial<OutboxWrite> & Pick<OutboxWrite, 'payload'>): OutboxWrite =>
  ({ id: crypto.randomUUID(), customerId: 'c1', kind: 'labels', createdAt: 1, attempts: 0, state: 'pending', nextAttemptAt: 0, ...patch }) as OutboxWrite;
const enqueued = () => request.mock.calls.filter(([type]) => type === 'write.enqueue').map(([, payload]) => payload as { kind: string; payload: unknown });

function showCustomer(labels: LabelRef[]) {
  const card = { customer: { id: 'c1', nick: '张伟', phones: [], emails: [], labelIds: [], customFields: [], region: {}, vip: false }, labels } as CustomerCard;
  showLookup({ status: 'found', contact: { kind: 'phone', value: '+8613812345678' }, cards: [card], selectedId: 'c1', revalidating: false });
}

describe('labels shown over queued writes', () => {
  const base = { labels: [ref('silver', '银卡会员')], readAt: 1_000 };

  it('applies pending and sending writes, and writes sent after the read', () => {
    const writes = [
      write({ state: 'sending', payload: { add: [ref('digital', '数码产品')], remove: [] } }),
      write({ state: 'sent', sentAt: 2_000, payload: { add: [ref('home', '家居生活')], remove: [] } }),
      write({ state: 'pending', payload: { add: [ref('gold', '金卡会员')], remove: ['silver'] } }),
    ];
    expect(editor.labelsAfterWrites(base, writes).map((label) => label.id)).toEqual(['digital', 'home', 'gold']);
  });

  it('leaves out failed writes and writes the read already contains', () => {
    const writes = [
      write({ state: 'failed', payload: { add: [ref('digital', '数码产品')], remove: [] } }),
      write({ state: 'sent', sentAt: 900, payload: { add: [], remove: ['silver'] } }),
    ];
    // The sent removal is in the read: a colleague has since added the label back, and that stays.
    expect(editor.labelsAfterWrites(base, writes)).toEqual(base.labels);
  });
});

describe('the inverse of a click', () => {
  it('removes what a multi-choice click added and adds back what a removal took', () => {
    expect(editor.inverseDelta([], { add: [ref('digital', '数码产品')], remove: [] })).toEqual({ add: [], remove: ['digital'] });
    const before = [ref('home', '家居生活', '#76A6F1')];
    expect(editor.inverseDelta(before, { add: [], remove: ['home'] })).toEqual({ add: before, remove: [] });
  });

  it('undoes a single-choice pick by restoring only the label that was there', () => {
    const before = [ref('silver', '银卡会员', '#F5A623'), ref('home', '家居生活')];
    const pick = { add: [ref('gold', '金卡会员', '#F5A623')], remove: ['silver'] };
    expect(editor.inverseDelta(before, pick)).toEqual({ add: [ref('silver', '银卡会员', '#F5A623')], remove: ['gold'] });
  });
});

describe('the label editor', () => {
  beforeEach(() => {
    request.mockReset();
    request.mockImplementation((type: string, payload: unknown) =>
      Promise.resolve(
        type === 'write.enqueue' ? { ...(payload as object), state: 'pending' } : type === 'customer.labels' ? [ref('silver', '银卡会员')] : undefined,
      ),
    );
  });

  it('shows a click at once, queues only its delta, and undo queues the inverse', async () => {
    showCustomer([ref('silver', '银卡会员', '#F5A623')]);
    editor.clickLabel('c1', level, level.labels[1]!);
    expect(editor.shownLabels('c1').map((label) => label.id)).toEqual(['gold']);
    expect(editor.undoOffer.value).toMatchObject({ customerId: 'c1', added: true, name: '金卡会员' });
    expect(enqueued()).toEqual([expect.objectContaining({ kind: 'labels', payload: { add: [ref('gold', '金卡会员', '#F5A623')], remove: ['silver'] } })]);

    editor.undoLastClick();
    expect(enqueued()[1]).toMatchObject({ kind: 'labels', payload: { add: [ref('silver', '银卡会员', '#F5A623')], remove: ['gold'] } });
    expect(editor.shownLabels('c1').map((label) => label.id)).toEqual(['silver']);
    expect(editor.undoOffer.value).toBeUndefined();
  });

  it('withdraws the undo offer after a few seconds', () => {
    vi.useFakeTimers();
    try {
      showCustomer([]);
      editor.clickLabel('c1', interest, interest.labels[0]!);
      vi.advanceTimersByTime(editor.UNDO_MS - 1);
      expect(editor.undoOffer.value).toBeDefined();
      vi.advanceTimersByTime(1);
      expect(editor.undoOffer.value).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the labels afresh when it opens, so a colleague’s change shows before the next click', async () => {
    showCustomer([]);
    request.mockImplementation((type: string) => Promise.resolve(type === 'customer.labels' ? [ref('home', '家居生活')] : undefined));
    editor.toggleLabelEditor('c2');
    editor.toggleLabelEditor('c1');
    expect(editor.labelEditorFor.value).toBe('c1');
    await vi.waitFor(() => expect(editor.labelRead.value).toEqual({ customerId: 'c1', status: 'read' }));
    expect(editor.shownLabels('c1').map((label) => label.id)).toContain('home');
    editor.toggleLabelEditor('c1');
    expect(editor.labelEditorFor.value).toBeUndefined();
  });

  it('filters labels by their name or their group’s', () => {
    expect(editor.filterGroups([level, interest], '金卡')).toEqual([{ ...level, labels: [level.labels[1]] }]);
    expect(editor.filterGroups([level, interest], '兴趣')).toEqual([interest]);
    expect(editor.filterGroups([level, interest], '  ')).toEqual([level, interest]);
  });

  it('finds a Chinese label by its pinyin or initials, and Enter’s top match is the best one', () => {
    const source: LabelGroup = {
      id: 'g-source',
      name: '来源',
      color: '#1677ff',
      multipleChoice: true,
      labels: [
        { id: 'bd', name: '百度推广', groupId: 'g-source', spelling: { full: 'baidutuiguang', initials: 'bdtg' } },
        { id: 'dy', name: '抖音', groupId: 'g-source', spelling: { full: 'douyin', initials: 'dy' } },
        { id: 'xhs', name: '小红书', groupId: 'g-source', spelling: { full: 'xiaohongshu', initials: 'xhs' } },
      ],
    };
    expect(editor.filterGroups([source], 'dy')[0]!.labels.map((label) => label.name)).toEqual(['抖音']);
    expect(editor.filterGroups([source], 'xiaohong')[0]!.labels.map((label) => label.name)).toEqual(['小红书']);
    // "d" starts 抖音's initials and is inside 百度推广's: both listed, 抖音 on top.
    expect(editor.filterGroups([source], 'd')[0]!.labels.map((label) => label.name)).toEqual(['百度推广', '抖音']);
    expect(editor.topMatch([source], 'd')?.label.name).toBe('抖音');
    expect(editor.topMatch([source], 'dy')).toEqual({ group: source, label: source.labels[1] });
    expect(editor.topMatch([source], '  ')).toBeUndefined();
    expect(editor.topMatch([source], 'zzz')).toBeUndefined();
  });

  it('checks a new label’s name: 1 to 30 characters, not taken in its group', () => {
    expect(editor.labelNameProblem('  ', level)).toBe('length');
    expect(editor.labelNameProblem('长'.repeat(31), level)).toBe('length');
    expect(editor.labelNameProblem('长'.repeat(30), level)).toBeUndefined();
    expect(editor.labelNameProblem(' 金卡会员 ', level)).toBe('taken');
  });

  it('creates a label, adds it to its group and to the customer; a refusal is kept with the name', async () => {
    showCustomer([]);
    referenceData.value = { labelGroups: [interest], stages: [], customFields: [], sources: [] };
    editor.startNewLabel('g-interest');
    editor.editNewLabel('');
    await editor.createLabel('c1');
    expect(editor.newLabel.value).toMatchObject({ problem: 'length', busy: false });
    expect(request).not.toHaveBeenCalledWith('label.create', expect.anything());

    request.mockImplementationOnce(() => Promise.reject(new RequestError('invalid-input', '标签名称已存在')));
    editor.editNewLabel('宠物用品');
    await editor.createLabel('c1');
    expect(editor.newLabel.value).toMatchObject({ name: '宠物用品', error: { code: 'invalid-input' } });

    request.mockImplementation((type: string, payload: unknown) =>
      Promise.resolve(type === 'label.create' ? { id: 'pets', name: '宠物用品', groupId: 'g-interest' } : payload),
    );
    await editor.createLabel('c1');
    expect(request).toHaveBeenCalledWith('label.create', { groupId: 'g-interest', name: '宠物用品' });
    expect(editor.newLabel.value).toBeUndefined();
    expect(referenceData.value?.labelGroups[0]?.labels.map((label) => label.name)).toContain('宠物用品');
    expect(editor.shownLabels('c1').map((label) => label.id)).toContain('pets');
  });
});
