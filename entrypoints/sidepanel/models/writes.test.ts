import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LabelGroup } from '@/lib/crm/domain';
import type { SettingsView } from '@/lib/settings/views';
import type { OutboxWrite } from '@/lib/outbox/types';
import { outboxViewItem } from '@/lib/storage';
import { useEnglishMessages } from './test-support';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { RequestError } from '@/lib/messaging/client';
import * as writeRules from './writes';

const { client, request } = fakeClient();
const settingsView = signal<SettingsView | undefined>(undefined);
/** The module's rules and one writes model, made again where a test starts watching the outbox. */
const makeWrites = () => ({ ...writeRules, ...writeRules.createWritesModel({ client, settings: { settingsView } }) });
let writes = makeWrites();

const note = { customerId: 'c1', kind: 'note' as const, payload: { content: '已发报价单' } };
const stored = (patch: Partial<OutboxWrite>): OutboxWrite =>
  ({
    id: crypto.randomUUID(),
    customerId: 'c1',
    kind: 'note',
    payload: { content: 'x' },
    createdAt: 1,
    attempts: 0,
    state: 'pending',
    nextAttemptAt: 0,
    ...patch,
  }) as OutboxWrite;
const shown = (id: string) => writes.outboxWrites.value.find((write) => write.id === id);

describe('writes as the panel shows them', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    request.mockReset();
    useEnglishMessages();
  });

  it('shows a write from the click on, and the outbox’s state of it once mirrored', async () => {
    writes = makeWrites();
    let answer!: (value: unknown) => void;
    request.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const id = crypto.randomUUID();
    const asked = writes.enqueueWrite({ id, ...note });
    expect(shown(id)).toMatchObject({ state: 'pending', payload: note.payload });
    await outboxViewItem.setValue([stored({ id, state: 'sending', attempts: 1 })]);
    await vi.waitFor(() => expect(shown(id)).toMatchObject({ state: 'sending' }));
    // The background's answer was taken before the send started: the mirror's state stays.
    answer(stored({ id, state: 'pending' }));
    await asked;
    expect(shown(id)).toMatchObject({ state: 'sending' });
    expect(writes.outboxWrites.value.filter((write) => write.id === id)).toHaveLength(1);
  });

  it('shows a write the background could not queue as failed, and retries by queueing it again', async () => {
    request.mockRejectedValueOnce(new RequestError('internal', 'The background did not answer.'));
    const id = crypto.randomUUID();
    await writes.enqueueWrite({ id, ...note });
    expect(shown(id)).toMatchObject({ state: 'failed', lastError: { code: 'internal' } });
    request.mockImplementationOnce((_type: string, payload: object) => Promise.resolve({ ...payload, state: 'pending' }));
    await writes.retryWrite(id);
    expect(request).toHaveBeenLastCalledWith('write.enqueue', { id, ...note });
    expect(shown(id)).toMatchObject({ state: 'pending' });
  });

  it('discards a write never queued without asking the background', async () => {
    request.mockRejectedValueOnce(new RequestError('internal', 'down'));
    const id = crypto.randomUUID();
    await writes.enqueueWrite({ id, ...note });
    await writes.discardWrite(id);
    expect(shown(id)).toBeUndefined();
    expect(request).toHaveBeenCalledTimes(1);
    request.mockResolvedValue({ ok: true });
    await writes.discardWrite('queued-write-1');
    await writes.retryWrite('queued-write-2');
    expect(request.mock.calls.slice(1)).toEqual([
      ['write.discard', { id: 'queued-write-1' }],
      ['write.retry', { id: 'queued-write-2' }],
    ]);
  });

  it('leaves out writes made for another CRM connection, even for a customer id that exists here too', async () => {
    writes = makeWrites();
    settingsView.value = { connection: 'sobot|https://hk.sobot.com|app-b' } as SettingsView;
    await outboxViewItem.setValue([
      stored({ id: 'other-crm', connection: 'sobot|https://www.sobot.com|app-a' }),
      stored({ id: 'this-crm', connection: 'sobot|https://hk.sobot.com|app-b' }),
      stored({ id: 'from-before' }),
    ]);
    // Earlier tests may leave the panel's own placeholders behind: only these three are looked at.
    const shownIds = () =>
      writes
        .writesOf('c1')
        .map((write) => write.id)
        .filter((id) => ['other-crm', 'this-crm', 'from-before'].includes(id));
    await vi.waitFor(() => expect(shownIds()).toEqual(['this-crm', 'from-before']));
    settingsView.value = undefined; // not known yet: nothing is hidden
    expect(shownIds()).toEqual(['other-crm', 'this-crm', 'from-before']);
  });

  it('lists every customer’s labels, stage, notes and fields: unsettled ones, and the last few sent since the panel opened', () => {
    const all = [
      stored({ id: 'old-sent', kind: 'labels', state: 'sent', createdAt: 100 }),
      stored({ id: 'old-failed', kind: 'stage', state: 'failed', createdAt: 100 }),
      stored({ id: 'new-sent', kind: 'customer', state: 'sent', createdAt: 2_000 }),
      stored({ id: 'note', kind: 'note', state: 'pending', createdAt: 2_000 }),
      stored({ id: 'other', customerId: 'c2', kind: 'labels', createdAt: 2_000 }),
    ];
    expect(writes.writesToShow(all, 1_000).map((write) => write.id)).toEqual(['old-failed', 'new-sent', 'note', 'other']);
    const manySent = Array.from({ length: 5 }, (_, index) => stored({ id: `sent-${index}`, kind: 'labels', state: 'sent', createdAt: 2_000 + index }));
    expect(writes.writesToShow([...all, ...manySent], 1_000).map((write) => write.id)).toEqual(['old-failed', 'note', 'other', 'sent-2', 'sent-3', 'sent-4']);
  });

  it('sums the writes up in one line: failed, waiting, the CRM unreachable and when the next retry is', () => {
    const down = { code: 'unreachable', message: 'fetch failed' };
    const listed = [
      stored({ id: 'a', kind: 'labels', state: 'pending', lastError: down, nextAttemptAt: 31_000 }),
      stored({ id: 'b', kind: 'note', state: 'pending', lastError: down, nextAttemptAt: 45_000 }),
    ];
    expect(writes.summarizeWrites(listed, 1_000)).toEqual({
      tone: 'retrying',
      text: '2 changes waiting · CRM unreachable · retrying in 30 s',
      unreachable: true,
    });
    expect(writes.summarizeWrites([...listed, stored({ id: 'c', kind: 'stage', state: 'failed' })], 1_000)?.text).toMatch(
      /^1 change not saved · 2 changes waiting/,
    );
    expect(writes.summarizeWrites([stored({ id: 'd', kind: 'stage', state: 'sent' })], 1_000)).toMatchObject({ tone: 'saved', unreachable: false });
    expect(writes.summarizeWrites([], 1_000)).toBeUndefined();
  });

  it('says what each write changes and where it stands', () => {
    const level: LabelGroup = {
      id: 'g',
      name: '客户等级',
      color: '#F5A623',
      multipleChoice: false,
      labels: [
        { id: 'silver', name: '银卡会员', groupId: 'g' },
        { id: 'gold', name: '金卡会员', groupId: 'g' },
      ],
    };
    const interest: LabelGroup = { id: 'i', name: '兴趣', color: '#76A6F1', multipleChoice: true, labels: [{ id: 'home', name: '家居生活', groupId: 'i' }] };
    const describe = (patch: Partial<OutboxWrite>) => writes.describeWrite(stored(patch), [level, interest]);
    expect(describe({ kind: 'labels', payload: { add: [{ id: 'gold', name: '金卡会员' }], remove: ['silver', 'home'] } })).toBe('Labels +金卡会员 −家居生活');
    expect(describe({ kind: 'stage', payload: { stage: { id: 's', name: '付款流程' }, type: 'ongoing' } })).toBe('Stage → 付款流程');
    expect(describe({ kind: 'stage', payload: { stage: { id: 's', name: '付款流程' }, type: 'lost' } })).toBe('付款流程 · Lost');
    expect(describe({ kind: 'note', payload: { content: '长'.repeat(50) } })).toBe(`Note: ${'长'.repeat(40)}…`);

    expect(writes.writeStateText(stored({ state: 'pending' }))).toBe('Waiting to be sent');
    expect(writes.writeStateText(stored({ state: 'pending', lastError: { code: 'unreachable', message: 'ECONNREFUSED' } }))).toBe(
      'Will retry: Cannot reach the CRM: check the network or the CRM address.',
    );
    expect(writes.writeStateText(stored({ state: 'failed', lastError: { code: 'invalid-input', message: '标签不存在' } }))).toBe(
      'Not saved: The CRM refused what was sent. Check it and try again.',
    );
    expect(writes.writeStateText(stored({ state: 'sent' }))).toBe('Saved in the CRM');
  });
});
