// When the customer on a tab's card is asked about again, so the card never shows a colleague's old
// state for long: the CRM cannot push changes to an extension (its section 4 pushes go to a server
// callback). Pure rules: the background's tab-lookups controller applies them and owns the timer; the
// panel reads them to ask only when a check is due.
// Each check costs one read of the customer's record (their update time and everything the card shows);
// only when the update time moved does the panel read the stage again.

/** What asks: the panel shown again, the agent back on the tab, an editor about to open, the slow timer, or the agent's own write. */
export type RevalidationReason = 'shown' | 'tab' | 'editor' | 'timer' | 'write';

/** How long the slow timer waits between two checks of a card on a visible panel. */
export const SLOW_REVALIDATION_MS = 3 * 60_000;

/** How old the card must be before each reason asks the CRM: a panel flicked away and back costs nothing. */
export const REVALIDATE_AFTER_MS: Record<RevalidationReason, number> = {
  shown: 15_000,
  tab: 15_000,
  editor: 30_000,
  timer: SLOW_REVALIDATION_MS,
  // The CRM's version changed for certain: the agent's write landed.
  write: 0,
};

/** Whether a card the CRM confirmed at `checkedAt` is to be asked about again for `reason`. */
export function revalidationDue(reason: RevalidationReason, checkedAt: number | undefined, now: number): boolean {
  return checkedAt === undefined || now - checkedAt >= REVALIDATE_AFTER_MS[reason];
}

/**
 * Whether a check spends the tab's automatic look-up budget: every check does but the one after the
 * agent's own write, which they caused and which is one read.
 */
export const spendsBudget = (reason: RevalidationReason) => reason !== 'write';

/** When the slow timer next looks at a card confirmed at `checkedAt`. */
export const nextTimerCheck = (checkedAt: number | undefined, now: number) => (checkedAt ?? now) + SLOW_REVALIDATION_MS;
