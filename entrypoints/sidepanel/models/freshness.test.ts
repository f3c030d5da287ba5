// The panel's side of keeping the card fresh: it asks the background to check the card when the panel
// is shown again, when the agent comes back to the tab and when the label editor opens — and only when
// the card is old enough for that reason, so a panel flicked away and back asks nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '@/lib/crm/domain';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { createFreshnessModel } from './freshness';
import { lookupOnScreen } from './lookup.testing';
import { createUndoModel } from './undo';

const { client, request } = fakeClient(async () => ({ ok: true }));
const { lookup, tab, followedTab, showLookup } = lookupOnScreen(client);
const { publishedLookups } = lookup;
const panelVisible = signal(true);
const labelEditorFor = signal<string | undefined>(undefined);
const undo = createUndoModel();
const { offerUndo, undoOffer } = undo;

followedTab.value = { id: 1, url: 'https://chat.example/', origin: 'https://chat.example' };
const { revalidateCard } = createFreshnessModel({ client, activity: { panelVisible }, tab, labels: { labelEditorFor }, lookup, undo });

const T0 = 1_700_000_000_000;
const card = { customer: { id: 'c1', nick: '张伟', phones: [], emails: [] } as unknown as Customer, labels: [] };
const onScreen = (checkedAt: number) =>
  showLookup({ status: 'found', contact: { kind: 'phone', value: '+8613812345678' }, cards: [card], selectedId: 'c1', revalidating: false, checkedAt });
const asked = () => request.mock.calls.filter(([type]) => type === 'lookup.revalidate').map(([, payload]) => payload);

describe('asking for the card to be checked', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    request.mockClear();
    followedTab.value = { id: 1, url: 'https://chat.example/', origin: 'https://chat.example' };
    panelVisible.value = true;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks when the panel is shown again or the editor opens, once the card is old enough, and not before', () => {
    onScreen(T0 - 5_000);
    panelVisible.value = false;
    panelVisible.value = true;
    expect(asked()).toEqual([]);

    onScreen(T0 - 60_000);
    panelVisible.value = false;
    panelVisible.value = true;
    labelEditorFor.value = 'c1';
    expect(asked()).toEqual([
      { tabId: 1, reason: 'shown' },
      { tabId: 1, reason: 'editor' },
    ]);
    labelEditorFor.value = undefined;
  });

  it('asks when the agent returns to a tab, and never without a chosen customer on screen', () => {
    onScreen(T0 - 60_000);
    // The other conversation's card, as the background published it.
    publishedLookups.value = { ...publishedLookups.value, 2: publishedLookups.value[1]! };
    followedTab.value = { id: 2, url: 'https://chat.example/b', origin: 'https://chat.example' };
    expect(asked()).toEqual([{ tabId: 2, reason: 'tab' }]);
    showLookup({ status: 'idle' });
    revalidateCard('editor');
    expect(asked()).toHaveLength(1);
  });

  it('withdraws the Undo of a customer the CRM no longer has, and only theirs', () => {
    onScreen(T0);
    offerUndo({ kind: 'stage', customerId: 'c1', stageName: '正常跟进', takeBack: () => undefined });
    showLookup({ status: 'found', contact: { kind: 'phone', value: '+8613812345678' }, cards: [card], selectedId: 'c1', revalidating: false, gone: ['c2'] });
    expect(undoOffer.value?.customerId).toBe('c1');
    showLookup({ status: 'found', contact: { kind: 'phone', value: '+8613812345678' }, cards: [card], selectedId: 'c1', revalidating: false, gone: ['c1'] });
    expect(undoOffer.value).toBeUndefined();
  });
});
