import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabelGroup, LabelRef } from '@/lib/crm/domain';
import type { CustomerCard } from '@/lib/crm/views';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import type { CardVocabulary } from '@/lib/crm/views';
import { createLabelEditorModel } from './label-editor';
import { createLabelSuggestionsModel, type LabelSuggestionsModel } from './label-suggestions';
import { lookupOnScreen } from './lookup.testing';
import { createUndoModel } from './undo';
import { createWritesModel } from './writes';

const { client, request } = fakeClient();
const { lookup, settings, tab, showLookup } = lookupOnScreen(client);
const referenceData = signal<CardVocabulary | undefined>(undefined);
const reference = { referenceData };
const editor = createLabelEditorModel({ client, lookup, reference, undo: createUndoModel(), writes: createWritesModel({ client, settings }) });
/** Made where the test starts suggesting, as the panel does when it opens. */
let suggestions: LabelSuggestionsModel;

/** A group whose labels' ids are their keys. */
const groupOf = (id: string, name: string, color: string, multipleChoice: boolean, labels: Record<string, string>): LabelGroup => ({
  id,
  name,
  color,
  multipleChoice,
  labels: Object.entries(labels).map(([labelId, labelName]) => ({ id: labelId, name: labelName, groupId: id })),
});
const level = groupOf('g-level', '客户等级', '#F5A623', false, { silver: '银卡会员', gold: '金卡会员' });
const interest = groupOf('g-interest', '兴趣', '#76A6F1', true, { digital: '数码产品' });
const silver: LabelRef = { id: 'silver', name: '银卡会员', color: '#F5A623' };
const enqueued = () => request.mock.calls.filter(([type]) => type === 'write.enqueue').map(([, payload]) => (payload as { payload: unknown }).payload);
const names = () => suggestions.shownSuggestions('c1').map((each) => `${each.label.name}${each.applied ? ' ✓' : ''}`);

describe('suggested labels in the panel', () => {
  beforeEach(() => {
    request.mockReset();
    request.mockImplementation((type: string, payload: unknown) =>
      Promise.resolve(
        type === 'labelSuggestions.settings'
          ? { effective: { enabled: true, synonyms: {} } }
          : type === 'labelSuggestions.forTab'
            ? {
                enabled: true,
                matches: [
                  { labelId: 'gold', groupId: 'g-level', words: ['金卡'] },
                  { labelId: 'digital', groupId: 'g-interest', words: ['耳机'] },
                ],
              }
            : type === 'write.enqueue'
              ? { ...(payload as object), state: 'pending' }
              : undefined,
      ),
    );
  });

  it('asks about the customer’s contacts, applies by click or key once each, and holds still while the agent is on them', async () => {
    referenceData.value = { labelGroups: [level, interest], stages: [], customFields: [], sources: [] };
    suggestions = createLabelSuggestionsModel({ client, tab, labels: editor, lookup, reference });
    const card = {
      customer: { id: 'c1', nick: '张伟', phones: ['13812345678'], emails: [], labelIds: [], customFields: [], region: {}, vip: false },
      labels: [silver],
    } as CustomerCard;
    showLookup({ status: 'found', contact: { kind: 'phone', value: '+8613812345678' }, cards: [card], selectedId: 'c1', revalidating: false });
    await vi.waitFor(() => expect(names()).toEqual(['金卡会员', '数码产品']));
    expect(request).toHaveBeenCalledWith('labelSuggestions.forTab', { tabId: 1, contacts: ['+8613812345678', '13812345678'] });
    expect(suggestions.shownSuggestions('c1')[0]!.replaces).toEqual(silver);

    suggestions.holdSuggestions('c1');
    expect(suggestions.applySuggestion('c1', suggestions.shownSuggestions('c1')[0]!)).toBe(true);
    // Held: the applied one stays where it was, marked; applying it again queues nothing.
    expect(names()).toEqual(['金卡会员 ✓', '数码产品']);
    expect(suggestions.applySuggestion('c1', suggestions.shownSuggestions('c1')[0]!)).toBe(false);
    expect(suggestions.applyFirstSuggestion('c1')).toBe(true);
    expect(enqueued()).toEqual([
      { add: [{ id: 'gold', name: '金卡会员', color: '#F5A623' }], remove: ['silver'] },
      { add: [{ id: 'digital', name: '数码产品', color: '#76A6F1' }], remove: [] },
    ]);
    expect(suggestions.applyFirstSuggestion('c1')).toBe(false);
    suggestions.releaseSuggestions();
    expect(names()).toEqual([]);
  });
});
