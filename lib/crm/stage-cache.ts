// When a customer's stage, read from the timeline once, may be answered again without reading it anew.
// Sobot keeps the stage only in the timeline, but a stage change also moves the customer's update time
// (its 更新客户 push fires "when the profile is edited or the stage changes"), so a stage read after the
// customer's last update holds until that update time moves. Pure; the background's customer handlers
// and lib/storage.ts import it.
import type { NoteSummary, Stage } from './domain';

export interface RememberedStage {
  /** When the timeline read that found the stage started (epoch ms). */
  at: number;
  /** The customer's update time (epoch ms) the stage was read for. */
  updatedAt: number;
  stage: Stage | null;
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
