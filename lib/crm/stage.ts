// A customer's follow-up stage: read from the timeline (the target of its newest stage change), and when
// a stage read once may be answered again without reading it anew. Sobot keeps the stage only in the
// timeline, but a stage change also moves the customer's update time (its 更新客户 push fires "when the
// profile is edited or the stage changes"), so a stage read after the customer's last update holds until
// that update time moves. Pure; the background's customer handlers and lib/storage.ts import it.
import type { NoteSummary, Stage, StageResult, TimelineEvent } from './domain';

const stageChangesNewestFirst = (events: TimelineEvent[]) => events.filter((event) => event.kind === 'stage').sort((a, b) => b.at - a.at);

/**
 * The customer's current stage is the target of the newest stage change in the timeline; one the CRM no
 * longer lists keeps its name. A result (won, lost, invalid) closes the stage it follows and moves none:
 * its entry names the result, not a stage.
 */
export function currentStage(events: TimelineEvent[], stages: Stage[]): Stage | null {
  const name = stageChangesNewestFirst(events).find((event) => !event.stage?.result)?.stage?.to;
  if (!name) return null;
  return stages.find((stage) => stage.name === name) ?? { id: '', name, order: -1 };
}

/** The result the current stage was closed with: the newest stage change's, when it is one. */
export function currentResult(events: TimelineEvent[]): StageResult | undefined {
  return stageChangesNewestFirst(events)[0]?.stage?.result;
}

export interface RememberedStage {
  /** When the timeline read that found the stage started (epoch ms). */
  at: number;
  /** The customer's update time (epoch ms) the stage was read for. */
  updatedAt: number;
  stage: Stage | null;
  /** The result that closed the stage, if the newest stage change is one. */
  result?: StageResult;
  /** The newest follow-up note on the same timeline page; absent in entries remembered before it was kept. */
  latestNote?: NoteSummary | null;
}

/**
 * The remembered stage if it still holds for a customer last updated at `updatedAt`: read for that same
 * update time, and in a later second than it. The CRM counts update times in whole seconds, so a change
 * in the same second as the last update would not move it, and a read in that second proves nothing.
 */
export function stillCurrent(remembered: RememberedStage | undefined, updatedAt: number | undefined): RememberedStage | undefined {
  if (!remembered || updatedAt === undefined || remembered.updatedAt !== updatedAt) return undefined;
  return Math.floor(remembered.at / 1000) > Math.floor(updatedAt / 1000) ? remembered : undefined;
}
