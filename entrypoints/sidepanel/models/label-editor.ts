// The customer's labels as the agent should see them — the last read from the CRM with the agent's
// queued label writes applied on top — and the label editor: open for whom, its filter, one-click
// toggles with undo, and "new label". The panel's glue is given it.
// Invariant: a click queues only its delta (applyLabelClick) against the labels shown, and undo queues
// the exact inverse, so neither ever overwrites what a colleague changed meanwhile.
import { computed, signal } from '@preact/signals';
import { applyLabelClick, mergeLabelDelta, type LabelDelta } from '@/lib/crm/label-delta';
import type { Label, LabelGroup, LabelRef } from '@/lib/crm/domain';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import type { OutboxWrite } from '@/lib/outbox/types';
import { ownedModel } from '@/lib/signals/owned-model';
import type { LookupModel } from './lookup';
import type { ReferenceModel } from './reference';
import type { UndoModel } from './undo';
import type { WritesModel } from './writes';

export { UNDO_MS } from './undo';

/** More labels than this and the editor offers a filter box. */
export const FILTER_FROM = 12;
export const LABEL_NAME_MAX = 30;
/** A lookup's answer is dated this much before it arrived: the CRM read it some time during the request. */
const LOOKUP_READ_MARGIN_MS = 10_000;

/** Labels read from the CRM, and when the read started: writes sent after that are not in it. */
export interface LabelBase {
  labels: LabelRef[];
  readAt: number;
}

/**
 * The labels to show: `base` with every label write applied that it cannot contain yet — those not
 * sent, and those sent after the read started. Failed writes changed nothing. Applying a delta twice
 * changes nothing more, so a write that landed while the read ran is safe to apply again.
 */
export function labelsAfterWrites(base: LabelBase, writes: OutboxWrite[]): LabelRef[] {
  return writes.reduce((labels, write) => {
    if (write.kind !== 'labels' || write.state === 'failed') return labels;
    if (write.state === 'sent' && (write.sentAt ?? 0) <= base.readAt) return labels;
    return mergeLabelDelta(labels, write.payload);
  }, base.labels);
}

/** The delta that takes `before` back from what `delta` made of it. */
export function inverseDelta(before: LabelRef[], delta: LabelDelta): LabelDelta {
  const had = new Set(before.map((label) => label.id));
  const removed = new Set(delta.remove);
  return {
    add: before.filter((label) => removed.has(label.id)),
    remove: delta.add.filter((label) => !had.has(label.id)).map((label) => label.id),
  };
}

export type LabelNameProblem = 'length' | 'taken';

export function labelNameProblem(name: string, group: LabelGroup): LabelNameProblem | undefined {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > LABEL_NAME_MAX) return 'length';
  if (group.labels.some((label) => label.name === trimmed)) return 'taken';
  return undefined;
}

/**
 * How well a label matches the filter, lower is better: 0 the whole name or its initials ("dy" for
 * 抖音), 1 a start of the name or of its pinyin, 2 anywhere in them; undefined when it does not match.
 */
export function labelMatch(label: Label, needle: string): number | undefined {
  const name = label.name.toLowerCase();
  const spelled = needle.replace(/\s+/g, '');
  const { full = '', initials = '' } = label.spelling ?? {};
  if (name === needle || initials === spelled) return 0;
  if (name.startsWith(needle) || (spelled && (initials.startsWith(spelled) || full.startsWith(spelled)))) return 1;
  if (name.includes(needle) || (spelled && (initials.includes(spelled) || full.includes(spelled)))) return 2;
  return undefined;
}

/** The groups and labels matching the filter: by label name or its pinyin, or every label of a matching group. */
export function filterGroups(groups: LabelGroup[], filter: string): LabelGroup[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return groups;
  return groups.flatMap((group) => {
    if (group.name.toLowerCase().includes(needle)) return [group];
    const labels = group.labels.filter((label) => labelMatch(label, needle) !== undefined);
    return labels.length ? [{ ...group, labels }] : [];
  });
}

/** The label Enter in the filter toggles: the best match, the first of equals in the editor's order. */
export function topMatch(groups: LabelGroup[], filter: string): { group: LabelGroup; label: Label } | undefined {
  const needle = filter.trim().toLowerCase();
  if (!needle) return undefined;
  let best: { group: LabelGroup; label: Label; score: number } | undefined;
  for (const group of filterGroups(groups, filter)) {
    for (const label of group.labels) {
      const score = labelMatch(label, needle) ?? 3;
      if (!best || score < best.score) best = { group: groups.find((each) => each.id === group.id) ?? group, label, score };
    }
  }
  return best && { group: best.group, label: best.label };
}

export interface LabelEditorDeps {
  client: Client;
  lookup: Pick<LookupModel, 'lookupState'>;
  reference: Pick<ReferenceModel, 'referenceData'>;
  undo: Pick<UndoModel, 'undoOffer' | 'offerUndo' | 'takeBack'>;
  writes: Pick<WritesModel, 'outboxWrites' | 'enqueueWrite'>;
}

export function createLabelEditorModel({
  client,
  lookup: { lookupState },
  reference: { referenceData },
  undo: { undoOffer: lastUndo, offerUndo, takeBack },
  writes: { enqueueWrite, outboxWrites },
}: LabelEditorDeps) {
  return ownedModel((own) => {
    const labelBases = signal<Record<string, LabelBase>>({});
    const labelEditorFor = signal<string | undefined>(undefined);
    const labelFilter = signal('');
    const labelRead = signal<{ customerId: string; status: 'reading' | 'read' } | { customerId: string; status: 'failed'; error: RequestError } | undefined>(
      undefined,
    );
    /** The panel's undo offer while it is about a label click. */
    const undoOffer = computed(() => (lastUndo.value?.kind === 'labels' ? lastUndo.value : undefined));
    const newLabel = signal<{ groupId: string; name: string; problem?: LabelNameProblem; busy: boolean; error?: RequestError } | undefined>(undefined);

    /** Keeps the newer of two reads: a slow answer never replaces a fresher one. */
    function setBase(customerId: string, base: LabelBase) {
      const known = labelBases.peek()[customerId];
      if (known && known.readAt > base.readAt) return;
      labelBases.value = { ...labelBases.peek(), [customerId]: base };
    }

    /** The labels shown for a customer; `fallback` (the card's) until a read is recorded. */
    function shownLabels(customerId: string, fallback: LabelRef[] = []): LabelRef[] {
      const base = labelBases.value[customerId] ?? { labels: fallback, readAt: 0 };
      return labelsAfterWrites(
        base,
        outboxWrites.value.filter((write) => write.customerId === customerId),
      );
    }

    /** Reads the labels again (the card's may be minutes old) whenever the editor opens. */
    async function readLabels(customerId: string) {
      const startedAt = Date.now();
      labelRead.value = { customerId, status: 'reading' };
      try {
        const labels = await client.request('customer.labels', { customerId });
        setBase(customerId, { labels, readAt: startedAt });
        if (labelRead.peek()?.customerId === customerId) labelRead.value = { customerId, status: 'read' };
      } catch (error) {
        if (labelRead.peek()?.customerId !== customerId) return;
        labelRead.value = { customerId, status: 'failed', error: toRequestError(error) };
      }
    }

    function toggleLabelEditor(customerId: string) {
      if (labelEditorFor.value === customerId) {
        labelEditorFor.value = undefined;
        return;
      }
      labelEditorFor.value = customerId;
      labelFilter.value = '';
      newLabel.value = undefined;
      void readLabels(customerId);
    }

    /** One click: queue the delta against what is shown, show it at once, offer to take it back. */
    function clickLabel(customerId: string, group: LabelGroup, label: Label) {
      const before = shownLabels(customerId);
      const delta = applyLabelClick(before, group, label);
      void enqueueWrite({ id: crypto.randomUUID(), customerId, kind: 'labels', payload: delta });
      const inverse = inverseDelta(before, delta);
      offerUndo({
        kind: 'labels',
        customerId,
        added: delta.add.length > 0,
        name: label.name,
        takeBack: () => void enqueueWrite({ id: crypto.randomUUID(), customerId, kind: 'labels', payload: inverse }),
      });
    }

    function undoLastClick() {
      takeBack('labels');
    }

    function startNewLabel(groupId: string) {
      newLabel.value = { groupId, name: '', busy: false };
    }

    function editNewLabel(name: string) {
      const draft = newLabel.value;
      // The problem shown stays until the next attempt; typing clears it only once it is solved.
      if (draft) newLabel.value = { ...draft, name, problem: draft.problem && name.trim() ? undefined : draft.problem, error: undefined };
    }

    function cancelNewLabel() {
      newLabel.value = undefined;
    }

    /** Creates the label in its group, puts it in the editor and on the customer. */
    async function createLabel(customerId: string) {
      const draft = newLabel.value;
      const group = referenceData.value?.labelGroups.find((candidate) => candidate.id === draft?.groupId);
      if (!draft || !group || draft.busy) return;
      const problem = labelNameProblem(draft.name, group);
      if (problem) {
        newLabel.value = { ...draft, problem };
        return;
      }
      newLabel.value = { ...draft, busy: true, problem: undefined, error: undefined };
      try {
        const label = await client.request('label.create', { groupId: group.id, name: draft.name.trim() });
        const reference = referenceData.value;
        const grown = { ...group, labels: [...group.labels, label] };
        if (reference) {
          referenceData.value = { ...reference, labelGroups: reference.labelGroups.map((each) => (each.id === group.id ? grown : each)) };
        }
        newLabel.value = undefined;
        clickLabel(customerId, grown, label);
      } catch (error) {
        newLabel.value = { ...draft, busy: false, error: toRequestError(error) };
      }
    }

    // Records each card's labels as a read when a lookup answers. A cached answer (shown while the CRM is
    // asked again) may predate any write, so every write not failed is applied over it; a fresh one is
    // dated early rather than late, since applying a landed write again is harmless and missing one is not.
    const seen = new Map<string, LabelRef[]>();
    own.effect(() => {
      const state = lookupState.value;
      if (state.status !== 'found') return;
      const readAt = state.revalidating ? 0 : Date.now() - LOOKUP_READ_MARGIN_MS;
      for (const card of state.cards) {
        if (seen.get(card.customer.id) === card.labels) continue;
        seen.set(card.customer.id, card.labels);
        setBase(card.customer.id, { labels: card.labels, readAt });
      }
    });
    return {
      labelEditorFor,
      labelFilter,
      labelRead,
      undoOffer,
      newLabel,
      shownLabels,
      toggleLabelEditor,
      clickLabel,
      undoLastClick,
      startNewLabel,
      editNewLabel,
      cancelNewLabel,
      createLabel,
    };
  });
}

export type LabelEditorModel = ReturnType<typeof createLabelEditorModel>;
