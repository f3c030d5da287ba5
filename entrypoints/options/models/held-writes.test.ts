import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestError } from '@/lib/messaging/client';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import type { SettingsView } from '@/lib/settings/views';
import type { OutboxWrite } from '@/lib/outbox/types';
import { outboxViewItem } from '@/lib/storage';
import { createHeldWritesModel, type HeldWritesModel } from './held-writes';

const { client, request } = fakeClient();
/** The connection form's saved settings, which name the connection in use. */
const saved = signal<SettingsView | undefined>(undefined);
let model: HeldWritesModel | undefined;

/** Makes the model as the options page does when it opens: it reads the queue and follows it from then on. */
function startWatchingHeldWrites() {
  model?.dispose();
  model = createHeldWritesModel({ client, connectionForm: { saved } });
  return model;
}

const CRM_A = 'sobot|https://www.sobot.com|app-a';
const CRM_B = 'sobot|https://hk.sobot.com|app-b';
const write = (id: string, patch: Partial<OutboxWrite> = {}): OutboxWrite =>
  ({
    id,
    customerId: 'c1',
    kind: 'note',
    payload: { content: '已回访' },
    createdAt: 1,
    attempts: 1,
    state: 'pending',
    nextAttemptAt: 0,
    connection: CRM_A,
    ...patch,
  }) as OutboxWrite;
const connectedTo = (connection: string | undefined) => (saved.value = { connection } as SettingsView);

describe('writes waiting for another CRM', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    request.mockReset();
  });

  it('lists the unsent writes made for another connection than the current one, following the queue', async () => {
    connectedTo(CRM_B);
    await outboxViewItem.setValue([
      write('held'),
      write('sent', { state: 'sent' }),
      write('mine', { connection: CRM_B }),
      write('old', { connection: undefined }),
    ]);
    const { heldWrites } = startWatchingHeldWrites();
    await vi.waitFor(() => expect(heldWrites.value.map((each) => each.id)).toEqual(['held']));

    connectedTo(CRM_A); // back on its CRM: it goes out, so it no longer waits
    expect(heldWrites.value.map((each) => each.id)).toEqual(['mine']);
    connectedTo(undefined); // no connection: everything named waits
    expect(heldWrites.value.map((each) => each.id)).toEqual(['held', 'mine']);
  });

  it('follows the queue as the background changes it, and stops once it is disposed', async () => {
    connectedTo(CRM_B);
    await outboxViewItem.setValue([write('held')]);
    const held = startWatchingHeldWrites();
    await vi.waitFor(() => expect(held.heldWrites.value.map((each) => each.id)).toEqual(['held']));
    await outboxViewItem.setValue([write('held'), write('later')]);
    await vi.waitFor(() => expect(held.heldWrites.value.map((each) => each.id)).toEqual(['held', 'later']));

    held.dispose();
    const seen = new Promise((resolve) => outboxViewItem.watch(resolve));
    await outboxViewItem.setValue([]);
    await seen;
    expect(held.heldWrites.value.map((each) => each.id)).toEqual(['held', 'later']);
  });

  it('discards a write only through the background, and keeps it listed when the background refuses', async () => {
    connectedTo(CRM_B);
    await outboxViewItem.setValue([write('held'), write('other')]);
    const { confirmingDiscard, discardError, discardHeldWrite, heldWrites } = startWatchingHeldWrites();
    await vi.waitFor(() => expect(heldWrites.value).toHaveLength(2));

    confirmingDiscard.value = 'held';
    request.mockResolvedValueOnce({ ok: false }); // on its way after all
    await discardHeldWrite('held');
    expect(request).toHaveBeenCalledWith('write.discard', { id: 'held' });
    expect(heldWrites.value.map((each) => each.id)).toEqual(['held', 'other']);
    expect(confirmingDiscard.value).toBeUndefined();

    request.mockResolvedValueOnce({ ok: true });
    await discardHeldWrite('held');
    expect(heldWrites.value.map((each) => each.id)).toEqual(['other']);

    request.mockRejectedValueOnce(new RequestError('internal', 'worker gone'));
    await discardHeldWrite('other');
    expect(discardError.value?.code).toBe('internal');
    expect(heldWrites.value.map((each) => each.id)).toEqual(['other']);
  });
});
