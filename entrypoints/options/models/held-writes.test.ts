import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SettingsView } from '@/lib/settings/views';
import type { OutboxWrite } from '@/lib/outbox/types';
import { outboxViewItem } from '@/lib/storage';

const request = vi.fn();
vi.mock('@/lib/messaging/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/messaging/client')>()),
  request: (...args: unknown[]) => request(...args),
}));

const { confirmingDiscard, discardError, discardHeldWrite, heldWrites, startWatchingHeldWrites } = await import('./held-writes');
const { saved } = await import('./connection-form');

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
    confirmingDiscard.value = undefined;
  });

  it('lists the unsent writes made for another connection than the current one, following the queue', async () => {
    connectedTo(CRM_B);
    await outboxViewItem.setValue([
      write('held'),
      write('sent', { state: 'sent' }),
      write('mine', { connection: CRM_B }),
      write('old', { connection: undefined }),
    ]);
    startWatchingHeldWrites();
    await vi.waitFor(() => expect(heldWrites.value.map((each) => each.id)).toEqual(['held']));

    connectedTo(CRM_A); // back on its CRM: it goes out, so it no longer waits
    expect(heldWrites.value.map((each) => each.id)).toEqual(['mine']);
    connectedTo(undefined); // no connection: everything named waits
    expect(heldWrites.value.map((each) => each.id)).toEqual(['held', 'mine']);
  });

  it('discards a write only through the background, and keeps it listed when the background refuses', async () => {
    connectedTo(CRM_B);
    await outboxViewItem.setValue([write('held'), write('other')]);
    startWatchingHeldWrites();
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

    const { RequestError } = await import('@/lib/messaging/client');
    request.mockRejectedValueOnce(new RequestError('internal', 'worker gone'));
    await discardHeldWrite('other');
    expect(discardError.value?.code).toBe('internal');
    expect(heldWrites.value.map((each) => each.id)).toEqual(['other']);
  });
});
