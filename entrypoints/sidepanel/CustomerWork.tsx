// What the agent does to the customer on screen: the label editor (in the card, in place of the chips),
// the stage stepper and the note composer right under the card, the timeline further down, and the
// card's one-line summary of the newest note. Reads the models PanelContext gives it, renders components; App.tsx imports it.
// Only controls the backend's capabilities allow are shown.
import { LabelEditor } from '@/components/LabelEditor';
import { LabelSuggestions } from '@/components/LabelSuggestions';
import { NoteComposer } from '@/components/NoteComposer';
import { StageStepper, type StepperResult } from '@/components/StageStepper';
import { Timeline, type TimelineItem } from '@/components/Timeline';
import { WriteStatus } from '@/components/WriteStatus';
import type { NoteLine } from '@/components/CustomerCard';
import { formatShortTime, formatTime } from '@/lib/format';
import { describeFailure, t } from '@/lib/i18n';
import type { CustomerCard } from '@/lib/crm/views';
import type { OutboxWrite } from '@/lib/outbox/types';
import { FILTER_FROM, filterGroups, topMatch } from './models/label-editor';
import { noteProblem } from './models/notes';
import type { Panel } from './models/panel';
import { RESULT_MESSAGES, type StageResult } from './models/stage-stepper';
import { canLoadMore, describeEvent, mergeOutboxNotes, TIMELINE_FILTERS, type TimelineFilter } from './models/timeline';
import { writeStateText } from './models/writes';
import { usePanel } from './panel-context';
import { sentence } from '@/components/sentence';

export const LABEL_EDITOR_ID = 'label-editor';

export function Status({ write, what }: { write: OutboxWrite; what?: string }) {
  const { retryWrite, discardWrite } = usePanel().writes;
  return (
    <WriteStatus
      id={write.id}
      state={write.state}
      what={what}
      stateText={writeStateText(write)}
      crmError={write.state !== 'sent' ? write.lastError : undefined}
      canRetry={write.state === 'failed' || (write.state === 'pending' && write.lastError !== undefined)}
      copyText={write.kind === 'note' && write.state === 'failed' ? write.payload.content : undefined}
      onRetry={() => void retryWrite(write.id)}
      onDiscard={() => void discardWrite(write.id)}
    />
  );
}

/** "Reading the latest labels…" or why that failed, beside the open editor's toggle. */
export function labelReadNote({ labels: { labelRead } }: Panel, customerId: string): string | undefined {
  const read = labelRead.value?.customerId === customerId ? labelRead.value : undefined;
  return read?.status === 'reading' ? t('labelsReading') : read?.status === 'failed' ? t('labelsReadFailed', describeFailure(read.error)) : undefined;
}

export function Labels({ customerId }: { customerId: string }) {
  const {
    reference: { referenceData },
    labels,
  } = usePanel();
  const { cancelNewLabel, clickLabel, createLabel, editNewLabel, labelFilter, newLabel, shownLabels, startNewLabel, toggleLabelEditor } = labels;
  const groups = referenceData.value?.labelGroups ?? [];
  const draft = newLabel.value;
  const draftGroup = groups.find((group) => group.id === draft?.groupId);
  const problem =
    draft?.problem === 'length'
      ? t('labelNameLength')
      : draft?.problem === 'taken' && draftGroup
        ? sentence('labelNameTaken', [draftGroup.name, draft.name.trim()])
        : draft?.error
          ? t('labelCreateFailed', describeFailure(draft.error))
          : undefined;
  const labelCount = groups.reduce((count, group) => count + group.labels.length, 0);
  return (
    <LabelEditor
      id={LABEL_EDITOR_ID}
      groups={filterGroups(groups, labelFilter.value)}
      chosen={new Set(shownLabels(customerId).map((label) => label.id))}
      showFilter={labelCount > FILTER_FROM}
      filter={labelFilter.value}
      top={topMatch(groups, labelFilter.value)}
      newLabel={draft && { groupId: draft.groupId, name: draft.name, busy: draft.busy, problem }}
      onFilter={(text) => (labelFilter.value = text)}
      onToggle={(group, label) => clickLabel(customerId, group, label)}
      onStartNew={startNewLabel}
      onEditNew={editNewLabel}
      onCreate={() => void createLabel(customerId)}
      onCancelNew={cancelNewLabel}
      onClose={() => toggleLabelEditor(customerId)}
    />
  );
}

/** The labels the chat suggests for the customer, above the chips. */
export function Suggestions({ card }: { card: CustomerCard }) {
  const { applySuggestion, holdSuggestions, releaseSuggestions, shownSuggestions } = usePanel().suggestions;
  const customerId = card.customer.id;
  const suggestions = shownSuggestions(customerId, card.labels);
  return (
    <LabelSuggestions
      suggestions={suggestions.map((suggestion) => ({
        id: suggestion.label.id,
        name: suggestion.label.name,
        words: suggestion.words,
        replaces: suggestion.replaces?.name,
        applied: suggestion.applied,
      }))}
      onApply={(id) => {
        const suggestion = suggestions.find((each) => each.label.id === id);
        if (suggestion) applySuggestion(customerId, suggestion);
      }}
      onHold={() => holdSuggestions(customerId)}
      onRelease={releaseSuggestions}
    />
  );
}

const RESULTS: StageResult[] = ['won', 'lost', 'invalid'];

/** The stages in the CRM's order, and which of them the customer is at as the agent should see it. */
export function stageSteps({ reference: { referenceData }, stepper: { shownStage } }: Panel, customerId: string) {
  const stages = [...(referenceData.value?.stages ?? [])].sort((a, b) => a.order - b.order);
  const shown = shownStage(customerId);
  // A stage read from the timeline is known by name only.
  const currentId = shown?.stage?.id || stages.find((stage) => stage.name === shown?.stage?.name)?.id;
  return { stages, shown, currentId };
}

function Stages({ card }: { card: CustomerCard }) {
  const panel = usePanel();
  const {
    freshness: { revalidateCard },
    stepper: { askResult, cancelResult, confirmResult, moveToStage, pendingResult },
  } = panel;
  const customerId = card.customer.id;
  const { stages, shown, currentId } = stageSteps(panel, customerId);
  if (stages.length === 0) return null;
  const current = shown?.stage;
  const asked = pendingResult.value?.customerId === customerId ? pendingResult.value.result : undefined;
  const customerName = card.customer.nick || card.customer.realName || t('unnamedCustomer');
  return (
    // Before the agent uses the stage control, an old card is checked against the CRM (nothing moves here).
    <div class="stage-control" onPointerEnter={() => revalidateCard('editor')} onFocusIn={() => revalidateCard('editor')}>
      <StageStepper
        stages={stages}
        currentId={currentId}
        currentName={shown?.result && current ? sentence('stageWithResult', [current.name, t(RESULT_MESSAGES[shown.result])]) : current?.name}
        result={shown?.result}
        results={RESULTS.map((result) => ({ result, name: t(RESULT_MESSAGES[result]) }))}
        question={asked && current ? sentence('confirmResult', [customerName, t(RESULT_MESSAGES[asked]), current.name]) : undefined}
        resultsDisabled={!currentId}
        onMove={(stage) => moveToStage(customerId, stage, currentId)}
        onAskResult={(result: StepperResult) => askResult(customerId, result)}
        onConfirm={() => confirmResult(customerId)}
        onCancel={cancelResult}
      />
    </div>
  );
}

function Composer({ customerId }: { customerId: string }) {
  const { editNote, noteDrafts, sendNote } = usePanel().notes;
  const value = noteDrafts.value[customerId] ?? '';
  return (
    <NoteComposer
      customerId={customerId}
      value={value}
      problem={noteProblem(value) ? t('noteTooLong', String(value.trim().length)) : undefined}
      onInput={(text) => editNote(customerId, text)}
      onSend={() => sendNote(customerId)}
    />
  );
}

const FILTER_NAMES = { all: 'timelineAll', staff: 'timelineStaff', customer: 'timelineCustomer', other: 'timelineOtherTab' } as const;

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const {
    writes: { writesOf },
    timeline,
  } = usePanel();
  const { chooseTimelineFilter, loadMoreTimeline, reachTimeline, timelineFilter, timelineInView, timelineState } = timeline;
  const filter = timelineFilter.value;
  const state = timelineState.value?.customerId === customerId && timelineState.value.filter === filter ? timelineState.value : undefined;
  const entries = mergeOutboxNotes(state?.events ?? [], writesOf(customerId), state?.headReadAt ?? Date.now(), filter);
  const items = entries.map((entry): TimelineItem => {
    if (entry.kind === 'event') {
      const { who, when, lines } = describeEvent(entry.event);
      return { key: entry.event.id, who, when, at: entry.event.at, lines, kind: entry.event.kind };
    }
    const { write } = entry;
    return {
      key: write.id,
      who: t('timelineYou'),
      when: formatTime(write.createdAt),
      at: write.createdAt,
      lines: [write.payload.content],
      kind: 'note',
      status: <Status write={write} />,
    };
  });
  return (
    <Timeline<TimelineFilter>
      filters={TIMELINE_FILTERS.map((value) => ({ value, name: t(FILTER_NAMES[value]) }))}
      filter={filter}
      items={items}
      loading={!state || state.status === 'loading'}
      error={state?.status === 'error' && state.error ? describeFailure(state.error) : undefined}
      canLoadMore={canLoadMore(state)}
      complete={state?.status === 'ready' && state.pages >= state.pageCount}
      onFilter={chooseTimelineFilter}
      onLoadMore={() => void loadMoreTimeline()}
      onInView={timelineInView}
      onFocusIn={() => reachTimeline(customerId)}
    />
  );
}

/** The newest follow-up note for the card's summary line: the agent's own newest one, else the CRM's. */
export function latestNoteLine({ writes: { writesOf }, stage: { stages: stageReads } }: Panel, customerId: string): NoteLine | undefined {
  const mine = writesOf(customerId).findLast((write) => write.kind === 'note' && write.state !== 'failed');
  const read = stageReads.value[customerId];
  const theirs = read?.status === 'loaded' ? read.latestNote : undefined;
  if (mine?.kind === 'note' && (!theirs || mine.createdAt >= theirs.at)) {
    return { who: t('timelineYou'), when: formatShortTime(mine.createdAt), text: mine.payload.content };
  }
  return theirs ? { who: theirs.actor ?? t('timelineSystem'), when: formatShortTime(theirs.at), text: theirs.text } : undefined;
}

/** Right under the card: the stage and the note, as far as the backend can. */
export function CustomerWork({ card }: { card: CustomerCard }) {
  const { settingsView } = usePanel().settings;
  const capabilities = settingsView.value?.capabilities;
  return (
    <>
      {capabilities?.stages && <Stages card={card} />}
      {capabilities?.notes && <Composer customerId={card.customer.id} />}
    </>
  );
}
