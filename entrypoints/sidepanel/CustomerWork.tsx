// What the agent does to the customer on screen, under the card: the label editor and the changes on
// their way, then the stage stepper, the note composer and the timeline. Reads models, renders
// components; App.tsx imports it. Only controls the backend's capabilities allow are shown.
import { LabelEditor } from '@/components/LabelEditor';
import { NoteComposer } from '@/components/NoteComposer';
import { StageStepper, type StepperResult } from '@/components/StageStepper';
import { Timeline, type TimelineItem } from '@/components/Timeline';
import { WriteStatus } from '@/components/WriteStatus';
import type { LabelGroup } from '@/lib/crm/domain';
import { formatTime } from '@/lib/format';
import { describeError, t } from '@/lib/i18n';
import type { CustomerCard } from '@/lib/messaging/protocol';
import type { OutboxWrite } from '@/lib/outbox/types';
import {
  cancelNewLabel,
  clickLabel,
  createLabel,
  editNewLabel,
  FILTER_FROM,
  filterGroups,
  labelEditorFor,
  labelFilter,
  labelRead,
  newLabel,
  shownLabels,
  startNewLabel,
  toggleLabelEditor,
  undoLastClick,
  undoOffer,
} from './models/label-editor';
import { editNote, noteDrafts, noteProblem, sendNote } from './models/notes';
import { referenceData } from './models/reference';
import { settingsView } from './models/settings';
import { askResult, cancelResult, confirmResult, moveToStage, pendingResult, RESULT_MESSAGES, shownStage, type StageResult } from './models/stage-stepper';
import {
  canLoadMore,
  chooseTimelineFilter,
  describeEvent,
  loadMoreTimeline,
  mergeOutboxNotes,
  reachTimeline,
  TIMELINE_FILTERS,
  timelineFilter,
  timelineInView,
  timelineState,
  type TimelineFilter,
} from './models/timeline';
import { changesToShow, describeWrite, discardWrite, outboxWrites, panelOpenedAt, retryWrite, writesOf, writeStateText } from './models/writes';
import { sentence } from '@/components/sentence';

export const LABEL_EDITOR_ID = 'label-editor';

function Status({ write, what }: { write: OutboxWrite; what?: string }) {
  return (
    <WriteStatus
      id={write.id}
      state={write.state}
      what={what}
      stateText={writeStateText(write)}
      canRetry={write.state === 'failed' || (write.state === 'pending' && write.lastError !== undefined)}
      onRetry={() => void retryWrite(write.id)}
      onDiscard={() => void discardWrite(write.id)}
    />
  );
}

function Changes({ customerId, groups }: { customerId: string; groups: LabelGroup[] }) {
  const changes = changesToShow(outboxWrites.value, customerId, panelOpenedAt);
  // Outcomes are announced once, by the panel's announcer; this list is there to be read and acted on.
  return (
    <section class="changes" aria-label={t('writesTitle')}>
      {changes.length > 0 && (
        <ul class="changes__list">
          {changes.map((write) => (
            <li key={write.id}>
              <Status write={write} what={describeWrite(write, groups)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Labels({ customerId, groups }: { customerId: string; groups: LabelGroup[] }) {
  const read = labelRead.value?.customerId === customerId ? labelRead.value : undefined;
  const offer = undoOffer.value?.customerId === customerId ? undoOffer.value : undefined;
  const draft = newLabel.value;
  const draftGroup = groups.find((group) => group.id === draft?.groupId);
  const problem =
    draft?.problem === 'length' ? t('labelNameLength')
    : draft?.problem === 'taken' && draftGroup ? sentence('labelNameTaken', [draftGroup.name, draft.name.trim()])
    : draft?.error ? t('labelCreateFailed', `${describeError(draft.error.code)} ${draft.error.message}`)
    : undefined;
  const labelCount = groups.reduce((count, group) => count + group.labels.length, 0);
  return (
    <LabelEditor
      id={LABEL_EDITOR_ID}
      groups={filterGroups(groups, labelFilter.value)}
      chosen={new Set(shownLabels(customerId).map((label) => label.id))}
      showFilter={labelCount > FILTER_FROM}
      filter={labelFilter.value}
      readNote={
        read?.status === 'reading' ? t('labelsReading')
        : read?.status === 'failed' ? t('labelsReadFailed', describeError(read.error.code))
        : undefined
      }
      undo={offer && t(offer.added ? 'labelAdded' : 'labelRemoved', offer.name)}
      newLabel={draft && { groupId: draft.groupId, name: draft.name, busy: draft.busy, problem }}
      onFilter={(text) => (labelFilter.value = text)}
      onToggle={(group, label) => clickLabel(customerId, group, label)}
      onUndo={undoLastClick}
      onStartNew={startNewLabel}
      onEditNew={editNewLabel}
      onCreate={() => void createLabel(customerId)}
      onCancelNew={cancelNewLabel}
      onClose={() => toggleLabelEditor(customerId)}
    />
  );
}

/** Right under the card: what is on its way to the CRM, and the label editor when it is open. */
export function CardChanges({ card }: { card: CustomerCard }) {
  const customerId = card.customer.id;
  const groups = referenceData.value?.labelGroups ?? [];
  return (
    <>
      <Changes customerId={customerId} groups={groups} />
      {settingsView.value?.capabilities.labels && labelEditorFor.value === customerId && <Labels customerId={customerId} groups={groups} />}
    </>
  );
}

const RESULTS: StageResult[] = ['won', 'lost', 'invalid'];

function Stages({ card }: { card: CustomerCard }) {
  const customerId = card.customer.id;
  const stages = [...(referenceData.value?.stages ?? [])].sort((a, b) => a.order - b.order);
  if (stages.length === 0) return null;
  const shown = shownStage(customerId);
  const current = shown?.stage;
  // A stage read from the timeline is known by name only.
  const currentId = current?.id || stages.find((stage) => stage.name === current?.name)?.id;
  const asked = pendingResult.value?.customerId === customerId ? pendingResult.value.result : undefined;
  const customerName = card.customer.nick || card.customer.realName || t('unnamedCustomer');
  return (
    <StageStepper
      stages={stages}
      currentId={currentId}
      currentName={shown?.result && current ? sentence('stageWithResult', [current.name, t(RESULT_MESSAGES[shown.result])]) : current?.name}
      result={shown?.result}
      results={RESULTS.map((result) => ({ result, name: t(RESULT_MESSAGES[result]) }))}
      question={asked && current ? sentence('confirmResult', [customerName, t(RESULT_MESSAGES[asked]), current.name]) : undefined}
      resultsDisabled={!currentId}
      onMove={(stage) => moveToStage(customerId, stage)}
      onAskResult={(result: StepperResult) => askResult(customerId, result)}
      onConfirm={() => confirmResult(customerId)}
      onCancel={cancelResult}
    />
  );
}

function Composer({ customerId }: { customerId: string }) {
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

function CustomerTimeline({ customerId }: { customerId: string }) {
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
      error={state?.status === 'error' && state.error ? `${describeError(state.error.code)}` : undefined}
      canLoadMore={canLoadMore(state)}
      complete={state?.status === 'ready' && state.pages >= state.pageCount}
      onFilter={chooseTimelineFilter}
      onLoadMore={() => void loadMoreTimeline()}
      onInView={timelineInView}
      onFocusIn={() => reachTimeline(customerId)}
    />
  );
}

/** Below the card's own actions: stage, note and timeline, as far as the backend can. */
export function CustomerWork({ card }: { card: CustomerCard }) {
  const capabilities = settingsView.value?.capabilities;
  const customerId = card.customer.id;
  return (
    <>
      {capabilities?.stages && <Stages card={card} />}
      {capabilities?.notes && <Composer customerId={customerId} />}
      {capabilities?.timeline && <CustomerTimeline customerId={customerId} />}
    </>
  );
}
