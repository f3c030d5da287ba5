// The follow-up stage as the agent should see it — the stage last read with the agent's newest queued
// stage write on top — and the stepper's actions: move to a stage at once (with Undo), or set a result (won, lost,
// invalid) after an inline confirmation. The panel's glue is given it.
// Invariant: nothing is queued for a result until the agent confirms it, and a result always names the
// stage it closes.
import { signal } from '@preact/signals';
import type { Stage, StageResult } from '@/lib/crm/domain';
import type { t } from '@/lib/i18n';
import type { OutboxWrite } from '@/lib/outbox/types';
import { ownedModel } from '@/lib/signals/owned-model';
import type { StageModel } from './stage';
import type { UndoModel } from './undo';
import type { WritesModel } from './writes';

export type { StageResult };
/** 成单 / 输单 / 无效, and Won / Lost / Invalid. */
export const RESULT_MESSAGES = { won: 'resultWon', lost: 'resultLost', invalid: 'resultInvalid' } as const satisfies Record<
  StageResult,
  Parameters<typeof t>[0]
>;

export interface ShownStage {
  stage: { id: string; name: string } | null;
  result?: StageResult;
  /** The queued write this comes from, when it is not what the CRM last said. */
  write?: OutboxWrite;
}

/**
 * The stage to show: the newest stage write the last read cannot contain yet (not sent, or sent after
 * the read started; failed writes changed nothing), else the stage as read, with the result that closed it.
 */
export function stageAfterWrites(read: Stage | null, readAt: number, writes: OutboxWrite[], readResult?: StageResult): ShownStage {
  const newest = writes.findLast((write) => write.kind === 'stage' && write.state !== 'failed' && !(write.state === 'sent' && (write.sentAt ?? 0) <= readAt));
  if (newest?.kind === 'stage') {
    const { stage, type } = newest.payload;
    return type === 'ongoing' ? { stage, write: newest } : { stage, result: type, write: newest };
  }
  return readResult ? { stage: read, result: readResult } : { stage: read };
}

export interface StageStepperDeps {
  stage: Pick<StageModel, 'stages'>;
  undo: Pick<UndoModel, 'offerUndo'>;
  writes: Pick<WritesModel, 'outboxWrites' | 'enqueueWrite'>;
}

export function createStageStepperModel({ stage: { stages }, undo: { offerUndo }, writes: { outboxWrites, enqueueWrite } }: StageStepperDeps) {
  return ownedModel((own) => {
    /** When each customer's stage read started, so writes sent after it are still applied; an answer that says when the CRM was read overrides it. */
    const stageReadAt = signal<Record<string, number>>({});
    const pendingResult = signal<{ customerId: string; result: StageResult } | undefined>(undefined);

    function shownStage(customerId: string): ShownStage | undefined {
      const state = stages.value[customerId];
      const writes = outboxWrites.value.filter((write) => write.customerId === customerId);
      const read = state?.status === 'loaded' ? state.stage : null;
      const readAt = (state?.status === 'loaded' ? state.readAt : undefined) ?? stageReadAt.value[customerId] ?? 0;
      const shown = stageAfterWrites(read, readAt, writes, state?.status === 'loaded' ? state.result : undefined);
      // While the read is under way or failed, only a queued write is worth showing.
      return state?.status === 'loaded' || shown.write ? shown : undefined;
    }

    /**
     * Moves at once, and offers to move back. `knownId` names the current stage when it was read by name
     * only (from the timeline), so the way back can be queued too.
     */
    function moveToStage(customerId: string, stage: Stage, knownId?: string) {
      pendingResult.value = undefined;
      const before = shownStage(customerId);
      if (before?.stage?.id === stage.id && !before.result) return;
      void enqueueWrite({ id: crypto.randomUUID(), customerId, kind: 'stage', payload: { stage: { id: stage.id, name: stage.name }, type: 'ongoing' } });
      const back = before?.stage && (before.stage.id || knownId) ? { id: before.stage.id || knownId!, name: before.stage.name } : undefined;
      if (!back) return;
      const type = before?.result ?? 'ongoing';
      offerUndo({
        kind: 'stage',
        customerId,
        stageName: stage.name,
        takeBack: () => void enqueueWrite({ id: crypto.randomUUID(), customerId, kind: 'stage', payload: { stage: back, type } }),
      });
    }

    function askResult(customerId: string, result: StageResult) {
      pendingResult.value = { customerId, result };
    }

    function cancelResult() {
      pendingResult.value = undefined;
    }

    function confirmResult(customerId: string) {
      const pending = pendingResult.value;
      const current = shownStage(customerId)?.stage;
      pendingResult.value = undefined;
      if (!pending || pending.customerId !== customerId || !current?.id) return;
      void enqueueWrite({
        id: crypto.randomUUID(),
        customerId,
        kind: 'stage',
        payload: { stage: { id: current.id, name: current.name }, type: pending.result },
      });
    }

    // Dates each stage read by when it started: the stage model shows a fresh 'loading' state then.
    const seen = new Map<string, unknown>();
    own.effect(() => {
      const started: Record<string, number> = {};
      for (const [customerId, state] of Object.entries(stages.value)) {
        if (seen.get(customerId) === state) continue;
        seen.set(customerId, state);
        if (state.status === 'loading') started[customerId] = Date.now();
      }
      if (Object.keys(started).length) stageReadAt.value = { ...stageReadAt.peek(), ...started };
    });
    return { pendingResult, shownStage, moveToStage, askResult, cancelResult, confirmResult };
  });
}

export type StageStepperModel = ReturnType<typeof createStageStepperModel>;
