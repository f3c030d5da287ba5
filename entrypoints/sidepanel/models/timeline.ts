// The timeline of the customer on screen: pages read from the CRM by filter (all, staff, customer,
// other) once the agent can see the section or reaches for it, the agent's notes still in the outbox
// merged on top, and each entry put into words. The panel's glue is given it. Invariant: an entry is
// never shown twice — a queued note disappears from the top once the CRM's own entry for it is on
// screen — a slow answer for another customer or filter never lands in the list shown, and nothing is
// read for a customer whose timeline the agent has not come near.
import { batch, signal } from '@preact/signals';
import type { TimelineEvent, TimelineGroup } from '@/lib/crm/domain';
import { formatTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import type { OutboxWrite } from '@/lib/outbox/types';
import { ownedModel } from '@/lib/signals/owned-model';
import type { LookupModel } from './lookup';
import type { SettingsModel } from './settings';
import type { StageModel } from './stage';
import { RESULT_MESSAGES } from './stage-stepper';
import type { WritesModel } from './writes';

export type TimelineFilter = 'all' | TimelineGroup;
export const TIMELINE_FILTERS: TimelineFilter[] = ['all', 'staff', 'customer', 'other'];

type NoteWrite = Extract<OutboxWrite, { kind: 'note' }>;
export type TimelineEntry = { kind: 'event'; event: TimelineEvent } | { kind: 'note'; write: NoteWrite };

/** How much earlier than the write the CRM may stamp its note (its clock, not ours). */
const NOTE_CLOCK_SKEW_MS = 30_000;

function isNote(write: OutboxWrite): write is NoteWrite {
  return write.kind === 'note';
}

/**
 * The list to show: the customer's queued notes, newest first, above the events read. A note is left
 * out once an event is the CRM's copy of it (same text, not older than the write), and once it was sent
 * before the first page was read (the read has it, on this page or a later one). Notes are staff
 * follow-ups, so the customer and other filters show none.
 */
export function mergeOutboxNotes(events: TimelineEvent[], writes: OutboxWrite[], headReadAt: number, filter: TimelineFilter): TimelineEntry[] {
  const eventEntries = events.map((event): TimelineEntry => ({ kind: 'event', event }));
  if (filter !== 'all' && filter !== 'staff') return eventEntries;
  const matched = new Set<string>();
  const queued = writes
    .filter(isNote)
    .sort((a, b) => b.createdAt - a.createdAt)
    .filter((write) => {
      if (write.state === 'sent' && (write.sentAt ?? 0) <= headReadAt) return false;
      const content = write.payload.content.trim();
      const copy = events.find(
        (event) => !matched.has(event.id) && event.kind === 'note' && event.text?.trim() === content && event.at >= write.createdAt - NOTE_CLOCK_SKEW_MS,
      );
      if (copy) matched.add(copy.id);
      return !copy;
    });
  return [...queued.map((write): TimelineEntry => ({ kind: 'note', write })), ...eventEntries];
}

export interface EventWording {
  who: string;
  when: string;
  /** What happened, one line per change. */
  lines: string[];
}

const valueOrEmpty = (value: string | undefined) => value ?? t('timelineNoValue');

export function describeEvent(event: TimelineEvent, locale?: string): EventWording {
  const who = event.actor ?? t('timelineSystem');
  const when = formatTime(event.at, locale);
  switch (event.kind) {
    case 'created':
      return { who, when, lines: [t('timelineCreated')] };
    case 'note':
      return { who, when, lines: [event.text ?? ''] };
    case 'stage': {
      const { from, to, result } = event.stage ?? {};
      if (result) return { who, when, lines: [t('timelineResult', t(RESULT_MESSAGES[result]))] };
      const change = from && to ? `${from} → ${to}` : (to ?? from ?? '');
      return { who, when, lines: [t('timelineStage', change)] };
    }
    case 'fields':
    case 'other': {
      const changes = (event.changes ?? []).map((change) => `${change.name}: ${valueOrEmpty(change.from)} → ${valueOrEmpty(change.to)}`);
      return { who, when, lines: changes.length ? changes : [t('timelineOther', event.rawType || '?')] };
    }
  }
}

export interface TimelineState {
  customerId: string;
  filter: TimelineFilter;
  events: TimelineEvent[];
  /** Pages read so far (1-based count). */
  pages: number;
  pageCount: number;
  /** When the newest read of page 1 started: notes sent after it are not in `events` yet. */
  headReadAt: number;
  status: 'loading' | 'ready' | 'error';
  error?: RequestError;
}

export function canLoadMore(state: TimelineState | undefined): boolean {
  return state?.status === 'ready' && state.pages < state.pageCount;
}

const groupOf = (filter: TimelineFilter) => (filter === 'all' ? undefined : filter);

/** Appends what is new: pages shift as entries arrive at the top, so a page may repeat a few. */
function withoutRepeats(known: TimelineEvent[], more: TimelineEvent[]): TimelineEvent[] {
  const ids = new Set(known.map((event) => event.id));
  return more.filter((event) => !ids.has(event.id));
}

/** A note of theirs the agent just wrote, still on its way: it tops the timeline, which is read to take the CRM's copy. */
const noteOnItsWay = (writes: OutboxWrite[], customerId: string) =>
  writes.some((write) => write.kind === 'note' && write.customerId === customerId && write.state !== 'sent');

export interface TimelineDeps {
  client: Client;
  lookup: Pick<LookupModel, 'lookupState'>;
  settings: Pick<SettingsModel, 'settingsView'>;
  stage: Pick<StageModel, 'stages'>;
  writes: Pick<WritesModel, 'outboxWrites'>;
}

export function createTimelineModel({
  client,
  lookup: { lookupState },
  settings: { settingsView },
  stage: { stages },
  writes: { outboxWrites },
}: TimelineDeps) {
  return ownedModel((own) => {
    const timelineFilter = signal<TimelineFilter>('all');
    const timelineState = signal<TimelineState | undefined>(undefined);
    let sequence = 0;

    async function loadTimeline(customerId: string, filter: TimelineFilter) {
      const mine = ++sequence;
      const startedAt = Date.now();
      timelineState.value = { customerId, filter, events: [], pages: 0, pageCount: 0, headReadAt: startedAt, status: 'loading' };
      try {
        const { events, pageCount, readAt } = await client.request('customer.timeline', { customerId, page: 1, group: groupOf(filter) });
        if (mine !== sequence) return;
        // The answer may be a read from earlier: notes the agent sent since are not on it.
        timelineState.value = { customerId, filter, events, pages: 1, pageCount, headReadAt: readAt ?? startedAt, status: 'ready' };
      } catch (error) {
        if (mine !== sequence) return;
        timelineState.value = { ...timelineState.peek()!, status: 'error', error: toRequestError(error) };
      }
    }

    async function loadMoreTimeline() {
      const state = timelineState.value;
      if (!state) return;
      // After a failed first page, "Retry" starts over; after a failed later page, it asks for that page again.
      if (state.status === 'error' && state.pages === 0) return loadTimeline(state.customerId, state.filter);
      if (state.status === 'loading' || state.pages >= state.pageCount) return;
      const mine = sequence;
      timelineState.value = { ...state, status: 'loading', error: undefined };
      try {
        const { events, pageCount } = await client.request('customer.timeline', {
          customerId: state.customerId,
          page: state.pages + 1,
          group: groupOf(state.filter),
        });
        if (mine !== sequence) return;
        const current = timelineState.peek()!;
        timelineState.value = {
          ...current,
          events: [...current.events, ...withoutRepeats(current.events, events)],
          pages: state.pages + 1,
          pageCount,
          status: 'ready',
        };
      } catch (error) {
        if (mine !== sequence) return;
        timelineState.value = { ...timelineState.peek()!, status: 'error', error: toRequestError(error) };
      }
    }

    let refreshing = false;

    /** Reads page 1 again and puts what is new on top, keeping the pages already read. */
    async function refreshTimelineHead() {
      const state = timelineState.value;
      if (state?.status !== 'ready' || refreshing) return;
      refreshing = true;
      const mine = sequence;
      const startedAt = Date.now();
      try {
        const { events } = await client.request('customer.timeline', { customerId: state.customerId, page: 1, group: groupOf(state.filter), fresh: true });
        const current = timelineState.peek();
        if (mine !== sequence || !current) return;
        timelineState.value = { ...current, events: [...withoutRepeats(current.events, events), ...current.events], headReadAt: startedAt };
      } catch {
        // The entries shown stay; the queued note keeps showing on top until a later read has it.
      } finally {
        refreshing = false;
      }
    }

    /** Whether the timeline section is within reach of the panel's viewport, as its observer last said. */
    const sectionInView = signal(false);
    /** The customer on screen whose timeline the agent reached for (focused it, chose a filter); reset when another is shown. */
    const reachedFor = signal<string | undefined>(undefined);

    /** The section's observer: the timeline came within reach of the viewport, or left it. */
    function timelineInView(inView: boolean) {
      sectionInView.value = inView;
    }

    /** The agent reached for this customer's timeline without it being in view, e.g. tabbed into it. */
    function reachTimeline(customerId: string) {
      reachedFor.value = customerId;
    }

    /** Choosing a filter is reaching for the timeline: the customer on screen is read with that filter only. */
    function chooseTimelineFilter(filter: TimelineFilter) {
      const lookup = lookupState.peek();
      batch(() => {
        if (lookup.status === 'found' && lookup.selectedId) reachTimeline(lookup.selectedId);
        timelineFilter.value = filter;
      });
    }

    /** The customer's first stage read has not answered yet (a re-read keeps the stage shown and does not count). */
    const stageStillRead = (customerId: string) => {
      const stage = stages.value[customerId];
      return !stage || stage.status === 'loading';
    };

    // Reads the timeline of the customer on screen once the agent can see the section, reaches for it or
    // writes them a note — not before: it sits below the card, the stage and the composer, and most
    // customers shown are never scrolled to. Then reads it again when the filter changes, and its head
    // whenever one of their writes lands after the head was read, so the CRM's own entry replaces the
    // queued one. Showing another customer starts over: nothing is read for them until the same happens.
    let shownKey: string | undefined;
    let shownCustomer: string | undefined;
    own.effect(() => {
      const lookup = lookupState.value;
      const filter = timelineFilter.value;
      if (!settingsView.value?.capabilities.timeline || lookup.status !== 'found' || !lookup.selectedId) return;
      const customerId = lookup.selectedId;
      if (customerId !== shownCustomer) {
        shownCustomer = customerId;
        if (reachedFor.peek() !== customerId) reachedFor.value = undefined;
      }
      const key = `${customerId}|${filter}`;
      if (key === shownKey) return;
      const wanted = sectionInView.value || reachedFor.value === customerId || noteOnItsWay(outboxWrites.value, customerId);
      if (!wanted) {
        // Coming back to a customer read earlier reads them again once wanted, as any newly shown one.
        shownKey = undefined;
        return;
      }
      // The stage is read from the same first page: wait for that read and take it, rather than race it
      // with a second request for the same page.
      if (filter === 'all' && stageStillRead(customerId)) return;
      shownKey = key;
      void loadTimeline(customerId, filter);
    });
    own.effect(() => {
      const state = timelineState.value;
      const writes = outboxWrites.value;
      if (state?.status !== 'ready') return;
      const landedSince = writes.some((write) => write.customerId === state.customerId && write.state === 'sent' && (write.sentAt ?? 0) > state.headReadAt);
      if (landedSince) void refreshTimelineHead();
    });
    return { timelineFilter, timelineState, loadTimeline, loadMoreTimeline, refreshTimelineHead, timelineInView, reachTimeline, chooseTimelineFilter };
  });
}

export type TimelineModel = ReturnType<typeof createTimelineModel>;
