import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabLookup } from '@/lib/lookup/tab-lookup';
import type { CustomerCard } from '@/lib/crm/views';
import type { SettingsView } from '@/lib/settings/views';
import { tabLookupsItem } from '@/lib/storage';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { RequestError } from '@/lib/messaging/client';
import type { FollowedTab } from './followed-tab';
import { createLookupModel, type LookupModel } from './lookup';

const { client, request } = fakeClient();
const followedTab = signal<FollowedTab | undefined>(undefined);
const settingsView = signal<SettingsView | undefined>(undefined);
/** Made after each reset of the fake browser, so it watches that browser's storage. */
let lookup: LookupModel;
let { intentError, lookedUpValue, lookUp, lookupState, selectCustomer, switchToOffer, tabLookup } = {} as LookupModel;

const CONNECTION = 'sobot|https://crm.example|app-1';
const card = (id: string, nick: string): CustomerCard =>
  ({ customer: { id, nick, phones: [], emails: [], labelIds: [], customFields: [], region: {}, vip: false }, labels: [] }) as CustomerCard;
const contact = { kind: 'phone' as const, value: '+8613812345678' };
const found = (cards: CustomerCard[], rest: Partial<TabLookup> = {}): TabLookup => ({
  connection: CONNECTION,
  pinned: false,
  view: { status: 'found', contact, cards, selectedId: cards[0]?.customer.id, revalidating: false },
  ...rest,
});

/** Publishes as the background does, and waits for the panel to have it. */
async function publish(all: Record<string, TabLookup>) {
  await tabLookupsItem.setValue(all);
  await vi.waitFor(() =>
    expect(JSON.stringify(tabLookup.value)).toBe(
      JSON.stringify(all[7] && all[7].connection === CONNECTION ? all[7] : { view: { status: 'idle' }, pinned: false }),
    ),
  );
}

describe('the lookup on screen', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    request.mockReset();
    request.mockResolvedValue({ ok: true });
    settingsView.value = { connection: CONNECTION } as SettingsView;
    followedTab.value = { id: 7, url: 'https://chat.example/', origin: 'https://chat.example' };
    lookup?.dispose();
    lookup = createLookupModel({ client, tab: { followedTab }, settings: { settingsView } });
    ({ intentError, lookedUpValue, lookUp, lookupState, selectCustomer, switchToOffer, tabLookup } = lookup);
  });

  it('is what the background published for the followed tab and the CRM connected now, nothing else', async () => {
    await publish({ 7: found([card('c1', '张伟')]), 8: found([card('c2', '李娜')]) });
    expect(lookupState.value).toMatchObject({ status: 'found', selectedId: 'c1' });
    expect(lookedUpValue.value).toBe('+8613812345678');
    followedTab.value = { id: 8, url: 'https://chat.example/b', origin: 'https://chat.example' };
    expect(lookupState.value).toMatchObject({ selectedId: 'c2' });
    // A view made for another CRM says nothing about this one's customer c2.
    settingsView.value = { connection: 'sobot|https://other.example|app-1' } as SettingsView;
    expect(lookupState.value).toEqual({ status: 'idle' });
  });

  it('keeps the cards themselves when only what is around them changed, so nothing read per card is read again', async () => {
    await publish({ 7: found([card('c1', '张伟'), card('c2', '李娜')]) });
    const before = lookupState.value;
    await publish({ 7: found([card('c1', '张伟'), card('c2', '李娜')], { offer: { contact: { kind: 'phone', value: '+8613900000000' }, context: '' } }) });
    expect(tabLookup.value.offer).toBeDefined();
    expect(lookupState.value).toBe(before);
    await publish({ 7: found([card('c1', '张伟'), card('c2', '李娜二')]) });
    const after = lookupState.value as { cards: CustomerCard[] };
    expect(after.cards[0]).toBe((before as { cards: CustomerCard[] }).cards[0]);
    expect(after.cards[1]!.customer.nick).toBe('李娜二');
  });

  it('sends the agent’s intents for the followed tab, and says so when the background could not take one', async () => {
    await lookUp(contact);
    expect(request).toHaveBeenLastCalledWith('lookup.open', { tabId: 7, kind: 'phone', value: '+8613812345678' });
    await selectCustomer('c9');
    expect(request).toHaveBeenLastCalledWith('lookup.choose', { tabId: 7, customerId: 'c9' });
    await publish({ 7: found([card('c1', '张伟')], { offer: { contact: { kind: 'email', value: 'lina@example.com' }, context: '' } }) });
    switchToOffer();
    expect(request).toHaveBeenLastCalledWith('lookup.open', { tabId: 7, kind: 'email', value: 'lina@example.com', follow: true });

    request.mockRejectedValueOnce(new RequestError('internal', 'Could not establish connection.'));
    await selectCustomer(undefined);
    expect(intentError.value?.code).toBe('internal');
    await selectCustomer('c1');
    expect(intentError.value).toBeUndefined();
  });
});
