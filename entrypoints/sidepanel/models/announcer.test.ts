import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OutboxWrite } from '@/lib/outbox/types';
import { outboxViewItem } from '@/lib/storage';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { createAnnouncer, type Announcer } from './announcer';
import { createWritesModel, type WritesModel } from './writes';
import { useEnglishMessages } from './test-support';

const { client } = fakeClient();
/** When the panel opened: writes settled before it are old news. */
const panelOpenedAt = Date.now();
let writes: WritesModel;
let announcer: Announcer | undefined;
let announcements = signal<{ id: number; text: string }[]>([]);

/** The outbox's mirror, followed as the panel does from its first moment. */
function startWatchingWrites() {
  writes = { ...createWritesModel({ client, settings: { settingsView: signal(undefined) } }), panelOpenedAt };
}

/** The announcer over those writes; returns what stops it. */
function startAnnouncingWrites() {
  announcer = createAnnouncer({ ownership: { ownershipResult: signal(undefined) }, reference: { referenceData: signal(undefined) }, writes });
  announcements = announcer.announcements;
  return () => announcer?.dispose();
}

const note = (patch: Partial<OutboxWrite>): OutboxWrite =>
  ({
    id: 'w1',
    customerId: 'c1',
    kind: 'note',
    payload: { content: '已发报价单' },
    createdAt: panelOpenedAt + 1,
    attempts: 0,
    state: 'pending',
    nextAttemptAt: 0,
    ...patch,
  }) as OutboxWrite;
const said = () => announcements.value.map((announcement) => announcement.text);

describe('the announcer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    announcements.value = [];
  });

  it('says each outcome of a write once, failures with their reason in the agent’s language, and nothing about writes settled before the panel opened', async () => {
    startWatchingWrites();
    const stop = startAnnouncingWrites();
    await outboxViewItem.setValue([note({ id: 'old', state: 'sent', createdAt: panelOpenedAt - 1 }), note({ state: 'sending' })]);
    await expect.poll(said).toEqual([]);
    const unreachable = { code: 'unreachable', message: '' };
    await outboxViewItem.setValue([note({ state: 'pending', lastError: unreachable })]);
    await outboxViewItem.setValue([note({ state: 'pending', lastError: { code: 'timeout', message: '' }, attempts: 2 })]);
    await outboxViewItem.setValue([note({ state: 'failed', lastError: { code: 'invalid-input', message: '内容过长' } })]);
    await expect.poll(said).toEqual([
      'Note: 已发报价单 — Will retry: Cannot reach the CRM: check the network or the CRM address.',
      // In the agent's language only: the CRM's own Chinese words stay under "details" on screen.
      'Note: 已发报价单 — Not saved: The CRM refused what was sent. Check it and try again.',
    ]);
    stop();
  });
});
