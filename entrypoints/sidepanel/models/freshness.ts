// Keeps the card from showing a colleague's old state: asks the background (which owns each tab's
// lookup) to check the card against the CRM when the panel is shown again, when the agent comes back to
// the tab, and right before the label editor or the stage control is used — each only when the card is
// old enough for it to be due (lib/lookup/revalidation.ts), so it costs nothing otherwise. The slow timer
// runs in the background. Also ticks the clock the card's "Updated … ago" is read against, and withdraws
// the Undo of a customer the CRM no longer has.
import { effect, signal } from '@preact/signals';
import { revalidationDue, type RevalidationReason } from '@/lib/lookup/revalidation';
import { request } from '@/lib/messaging/client';
import { panelVisible } from './agent-activity';
import { followedTab } from './followed-tab';
import { labelEditorFor } from './label-editor';
import { lookupState } from './lookup';
import { undoOffer, withdrawUndo } from './undo';

/** Now, to the half minute: what "2 min ago" is measured from. */
export const clock = signal(Date.now());
const TICK_MS = 30_000;

/** Asks for a check when one is due; a check that cannot be asked for is simply not made (the card stays). */
export function revalidateCard(reason: Exclude<RevalidationReason, 'timer' | 'write'>) {
  const view = lookupState.peek();
  const tab = followedTab.peek();
  if (!tab || view.status !== 'found' || !view.selectedId || !revalidationDue(reason, view.checkedAt, Date.now())) return;
  void request('lookup.revalidate', { tabId: tab.id, reason }).catch(() => undefined);
}

export function startKeepingFresh() {
  setInterval(() => (clock.value = Date.now()), TICK_MS);
  let wasVisible = panelVisible.peek();
  effect(() => {
    const visible = panelVisible.value;
    if (visible && !wasVisible) {
      clock.value = Date.now();
      revalidateCard('shown');
    }
    wasVisible = visible;
  });
  let lastTab = followedTab.peek()?.id;
  effect(() => {
    const tab = followedTab.value?.id;
    if (tab !== undefined && lastTab !== undefined && tab !== lastTab) revalidateCard('tab');
    lastTab = tab ?? lastTab;
  });
  effect(() => {
    if (labelEditorFor.value) revalidateCard('editor');
  });
  // Nothing can be taken back for a customer merged away or deleted: the inverse would only fail too.
  effect(() => {
    const view = lookupState.value;
    const offer = undoOffer.peek();
    if (offer && view.status === 'found' && view.gone?.includes(offer.customerId)) withdrawUndo();
  });
}
