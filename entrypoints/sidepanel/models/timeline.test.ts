import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '@/lib/crm/domain';
import type { CustomerCard } from '@/lib/crm/views';
import type { SettingsView } from '@/lib/settings/views';
import type { OutboxWrite } from '@/lib/outbox/types';
import { useEnglishMessages } from './test-support';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { RequestError } from '@/lib/messaging/client';
import { lookupOnScreen } from './lookup.testing';
import type { StageState } from './stage';
import * as timelineRules from './timeline';
import { createWritesModel } from './writes';

const { client, request } = fakeClient();
const { lookup, settings, settingsView, showLookup } = lookupOnScreen(client);
const stages = signal<Record<string, StageState>>({});
const writes = createWritesModel({ client, settings });
const { enqueueWrite } = writes;
/** The module's rules and one timeline model, as the panel makes it. */
const makeTimeline = () => ({ ...timelineRules, ...timelineRules.createTimelineModel({ client, lookup, settings, stage: { stages }, writes }) });
let timeline = makeTimeline();

const AT = Date.UTC(2024, 4, 16, 6, 30);
const event = (patch: Partial<TimelineEvent>): TimelineEvent => ({ id: crypto.randomUUID(), kind: 'other', rawType: 'x', at: AT, ...patch });
const note = (content: string, patch: Partial<OutboxWrite> = {}): OutboxWrite =>
  ({
    id: crypto.randomUUID(),
    customerId: 'c1',
    kind: 'note',
    createdAt: AT,
    attempts: 0,
    state: 'pending',
    nextAttemptAt: 0,
    payload: { content },
    ...patch,
  }) as OutboxWrite;
const page = (ids: string[], pageCount: number) => ({ events: ids.map((id) => event({ id })), pageCount });

describe('timeline entries in words', () => {
  beforeEach(() => {
    useEnglishMessages();
  });

  it('says who did what and when, for every kind of entry', () => {
    const words = (patch: Partial<TimelineEvent>) => timeline.describeEvent(event({ actor: '王斌', ...patch }), 'en-GB');
    expect(words({ kind: 'stage', stage: { from: '意向确定', to: '付款流程' } })).toEqual({
      who: '王斌',
      when: expect.stringContaining('2024'),
      lines: ['Stage: 意向确定 → 付款流程'],
    });
    expect(words({ kind: 'stage', stage: { to: '初步沟通' } }).lines).toEqual(['Stage: 初步沟通']);
    expect(words({ kind: 'stage', stage: { to: '已成单', result: 'won' } }).lines).toEqual(['Result: Won']);
    expect(words({ kind: 'stage', stage: { result: 'lost' } }).lines).toEqual(['Result: Lost']);
    expect(words({ kind: 'stage', stage: { result: 'invalid' } }).lines).toEqual(['Result: Invalid']);
    expect(
      words({
        kind: 'fields',
        changes: [
          { name: '公司', from: '星辰科技', to: '云帆教育' },
          { name: '邮箱', to: 'a@b.cn' },
        ],
      }).lines,
    ).toEqual(['公司: 星辰科技 → 云帆教育', '邮箱: (empty) → a@b.cn']);
    expect(words({ kind: 'note', text: '已发报价单。' }).lines).toEqual(['已发报价单。']);
    expect(words({ kind: 'created' }).lines).toEqual(['created the customer']);
    expect(words({ kind: 'other', rawType: 'user_chat', changes: [] }).lines).toEqual(['Other activity (user_chat)']);
    expect(timeline.describeEvent(event({ kind: 'created' })).who).toBe('System');
  });
});

describe('queued notes on top of the timeline', () => {
  it('puts notes still in the outbox on top, newest first, with the events read below', () => {
    const events = [event({ id: 'e1', kind: 'note', text: '旧记录', at: AT - 60_000 })];
    const older = note('第一条', { createdAt: AT + 1_000, state: 'failed' });
    const newer = note('第二条', { createdAt: AT + 2_000, state: 'sending' });
    const entries = timeline.mergeOutboxNotes(events, [older, newer, { ...note('x'), kind: 'stage' } as OutboxWrite], AT, 'all');
    expect(entries.map((entry) => (entry.kind === 'note' ? entry.write.payload.content : entry.event.id))).toEqual(['第二条', '第一条', 'e1']);
  });

  it('drops a queued note once the CRM’s copy is read, and notes the read already contains', () => {
    const sent = note('客户确认采购。', { state: 'sent', sentAt: AT + 500 });
    const copy = event({ id: 'copy', kind: 'note', text: '客户确认采购。', at: AT + 400 });
    expect(timeline.mergeOutboxNotes([copy], [sent], AT, 'all')).toEqual([{ kind: 'event', event: copy }]);
    // Sent before page 1 was read: the note is in the timeline, maybe on a page not read yet.
    expect(timeline.mergeOutboxNotes([], [sent], AT + 1_000, 'all')).toEqual([]);
    // Sent after the read and not read back yet: still on top, saying "sent".
    expect(timeline.mergeOutboxNotes([], [sent], AT, 'staff')).toEqual([{ kind: 'note', write: sent }]);
  });

  it('matches one CRM entry to one note, so the same words sent twice show twice', () => {
    const twice = [note('好的', { createdAt: AT }), note('好的', { createdAt: AT + 1 })];
    const entries = timeline.mergeOutboxNotes([event({ kind: 'note', text: '好的', at: AT + 5 })], twice, AT, 'all');
    expect(entries.filter((entry) => entry.kind === 'note')).toHaveLength(1);
    expect(entries).toHaveLength(2);
  });

  it('shows queued notes only where staff follow-ups belong', () => {
    expect(timeline.mergeOutboxNotes([], [note('a')], AT, 'customer')).toEqual([]);
    expect(timeline.mergeOutboxNotes([], [note('a')], AT, 'other')).toEqual([]);
  });
});

describe('reading the timeline', () => {
  beforeEach(() => {
    request.mockReset();
  });

  it('reads page by page with the filter’s group, skipping entries a shifted page repeats', async () => {
    request.mockImplementation((_type: string, { page: number }: { page: number }) =>
      Promise.resolve(number === 1 ? page(['a', 'b'], 2) : page(['b', 'c'], 2)),
    );
    await timeline.loadTimeline('c1', 'staff');
    expect(request).toHaveBeenCalledWith('customer.timeline', { customerId: 'c1', page: 1, group: 'staff' });
    expect(timeline.canLoadMore(timeline.timelineState.value)).toBe(true);
    await timeline.loadMoreTimeline();
    expect(timeline.timelineState.value).toMatchObject({ pages: 2, status: 'ready' });
    expect(timeline.timelineState.value!.events.map((each) => each.id)).toEqual(['a', 'b', 'c']);
    expect(timeline.canLoadMore(timeline.timelineState.value)).toBe(false);
    await timeline.loadMoreTimeline();
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('never lets a slow answer for another customer replace the one shown', async () => {
    let answerSlow!: (value: unknown) => void;
    request.mockImplementation((_type: string, { customerId }: { customerId: string }) =>
      customerId === 'old' ? new Promise((resolve) => (answerSlow = resolve)) : Promise.resolve(page(['new-1'], 1)),
    );
    const slow = timeline.loadTimeline('old', 'all');
    await timeline.loadTimeline('c1', 'all');
    answerSlow(page(['old-1'], 1));
    await slow;
    expect(timeline.timelineState.value).toMatchObject({ customerId: 'c1', events: [{ id: 'new-1' }] });
  });

  it('keeps what was read when a later page fails, and asks for that page again on retry', async () => {
    request.mockResolvedValueOnce(page(['a'], 3)).mockRejectedValueOnce(new RequestError('timeout', 'slow'));
    await timeline.loadTimeline('c1', 'all');
    await timeline.loadMoreTimeline();
    expect(timeline.timelineState.value).toMatchObject({ status: 'error', error: { code: 'timeout' }, pages: 1, events: [{ id: 'a' }] });
    request.mockResolvedValueOnce(page(['b'], 3));
    await timeline.loadMoreTimeline();
    expect(request).toHaveBeenLastCalledWith('customer.timeline', { customerId: 'c1', page: 2, group: undefined });
    expect(timeline.timelineState.value).toMatchObject({ status: 'ready', pages: 2 });
  });

  it('puts new entries on top when page 1 is read again, keeping the pages read', async () => {
    request
      .mockResolvedValueOnce(page(['b', 'c'], 2))
      .mockResolvedValueOnce(page(['d'], 2))
      .mockResolvedValueOnce(page(['a', 'b'], 2));
    await timeline.loadTimeline('c1', 'all');
    await timeline.loadMoreTimeline();
    const before = timeline.timelineState.value!.headReadAt;
    await timeline.refreshTimelineHead();
    expect(timeline.timelineState.value!.events.map((each) => each.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(timeline.timelineState.value!.headReadAt).toBeGreaterThanOrEqual(before);
  });

  it('dates the head by the read that answered, which may be from a while ago, so notes sent since stay on top', async () => {
    request.mockResolvedValueOnce({ ...page(['a'], 1), readAt: AT });
    await timeline.loadTimeline('c1', 'all');
    expect(timeline.timelineState.value!.headReadAt).toBe(AT);
    const sentSince = note('刚发的记录', { state: 'sent', sentAt: AT + 1_000 });
    const entries = timeline.mergeOutboxNotes(timeline.timelineState.value!.events, [sentSince], timeline.timelineState.value!.headReadAt, 'all');
    expect(entries[0]).toMatchObject({ kind: 'note', write: { id: sentSince.id } });
  });
});

describe('reading the timeline only once the agent can see it', () => {
  const contact = { kind: 'phone' as const, value: '+8613812345678' };
  const card = (id: string) =>
    ({ customer: { id, nick: id, phones: [], emails: [], labelIds: [], customFields: [], region: {}, vip: false } }) as unknown as CustomerCard;
  /** Shows the customers, the first selected, their stages already read unless `stageRead` is false. */
  const show = (...ids: string[]) => showWith(true, ids);
  const showWith = (stageRead: boolean, ids: string[]) => {
    const read = Object.fromEntries(ids.map((id) => [id, stageRead ? { status: 'loaded' as const, stage: null } : { status: 'loading' as const }]));
    stages.value = { ...stages.value, ...read };
    showLookup({ status: 'found', contact, cards: ids.map(card), selectedId: ids[0], revalidating: false });
  };
  const timelineReads = () => request.mock.calls.filter(([type]) => type === 'customer.timeline').map(([, payload]) => payload as { customerId: string });

  beforeEach(() => {
    request.mockReset();
    request.mockImplementation((type: string) => Promise.resolve(type === 'customer.timeline' ? page(['a'], 1) : {}));
    settingsView.value = { capabilities: { timeline: true } } as SettingsView;
    showLookup({ status: 'idle' });
    timeline.timelineFilter.value = 'all';
    timeline.timelineInView(false);
    // A fresh model follows the customer on screen from its first moment, as in the panel.
    timeline.dispose();
    timeline = makeTimeline();
  });

  afterEach(() => {
    timeline.dispose();
    timeline.timelineInView(false);
  });

  it('reads nothing while the section is out of reach, then page 1 once, when it comes into view', () => {
    show('far-1');
    // Revalidated, still out of sight.
    show('far-1');
    expect(timelineReads()).toEqual([]);
    timeline.timelineInView(true);
    expect(timelineReads()).toEqual([{ customerId: 'far-1', page: 1, group: undefined }]);
    // Scrolled away and back, and revalidated: the timeline read is followed, not read again.
    timeline.timelineInView(false);
    show('far-1');
    timeline.timelineInView(true);
    expect(timelineReads()).toHaveLength(1);
  });

  it('waits for the stage read of the same first page and then asks once, so the background can hand it that read', () => {
    timeline.timelineInView(true);
    showWith(false, ['staged-1']);
    expect(timelineReads()).toEqual([]);
    stages.value = { ...stages.value, 'staged-1': { status: 'loaded', stage: null } };
    expect(timelineReads()).toEqual([{ customerId: 'staged-1', page: 1, group: undefined }]);
    // A filter is a read of its own: it does not wait for anything.
    showWith(false, ['staged-2']);
    timeline.chooseTimelineFilter('staff');
    expect(timelineReads().at(-1)).toEqual({ customerId: 'staged-2', page: 1, group: 'staff' });
  });

  it('reads nothing for customers shown one after another out of sight, and only the one on screen once seen', () => {
    show('off-1');
    show('off-2');
    show('off-3');
    expect(timelineReads()).toEqual([]);
    timeline.timelineInView(true);
    expect(timelineReads()).toEqual([{ customerId: 'off-3', page: 1, group: undefined }]);
    // In view, another customer is read as they are shown, as before.
    show('off-4');
    expect(timelineReads().map((read) => read.customerId)).toEqual(['off-3', 'off-4']);
  });

  it('reads again a customer come back to once the section is seen again, not before', () => {
    show('back-1');
    timeline.timelineInView(true);
    timeline.timelineInView(false);
    show('back-2');
    show('back-1');
    expect(timelineReads().map((read) => read.customerId)).toEqual(['back-1']);
    timeline.timelineInView(true);
    expect(timelineReads().map((read) => read.customerId)).toEqual(['back-1', 'back-1']);
  });

  it('reads it out of sight when the agent tabs into it or chooses a filter, for the customer on screen only', () => {
    show('focus-1');
    timeline.reachTimeline('focus-1');
    expect(timelineReads()).toEqual([{ customerId: 'focus-1', page: 1, group: undefined }]);
    show('focus-2');
    show('focus-1');
    expect(timelineReads()).toHaveLength(1);
    show('filter-1');
    timeline.chooseTimelineFilter('staff');
    expect(timelineReads().at(-1)).toEqual({ customerId: 'filter-1', page: 1, group: 'staff' });
    expect(timelineReads()).toHaveLength(2);
  });

  it('reads it out of sight once the agent writes the customer a note, which then tops it', async () => {
    show('note-1');
    expect(timelineReads()).toEqual([]);
    await enqueueWrite({ id: crypto.randomUUID(), customerId: 'note-1', kind: 'note', payload: { content: '已约周五面谈。' } });
    expect(timelineReads()).toEqual([{ customerId: 'note-1', page: 1, group: undefined }]);
  });
});
