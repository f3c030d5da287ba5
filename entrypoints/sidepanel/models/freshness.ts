// Keeps the card from showing a colleague's old state: asks the background (which owns each tab's
// lookup) to check the card against the CRM when the panel is shown again, when the agent comes back to
// the tab, and right before the label editor or the stage control is used — each only when the card is
// old enough for it to be due (lib/lookup/revalidation.ts), so it costs nothing otherwise. The slow timer
// runs in the background. Also ticks the clock the card's "Updated … ago" is read against, and withdraws
// the Undo of a customer the CRM no longer has.
import { signal } from '@preact/signals';
import { revalidationDue, type RevalidationReason } from '@/lib/lookup/revalidation';
import type { Client } from '@/lib/messaging/client';
import { ownedModel } from '@/lib/signals/owned-model';
import type { AgentActivityModel } from './agent-activity';
import type { FollowedTabModel } from './followed-tab';
import type { LabelEditorModel } from './label-editor';
import type { LookupModel } from './lookup';
import type { UndoModel } from './undo';

const TICK_MS = 30_000;

export interface FreshnessDeps {
  client: Client;
  activity: Pick<AgentActivityModel, 'panelVisible'>;
  tab: Pick<FollowedTabModel, 'followedTab'>;
  labels: Pick<LabelEditorModel, 'labelEditorFor'>;
  lookup: Pick<LookupModel, 'lookupState'>;
  undo: Pick<UndoModel, 'undoOffer' | 'withdrawUndo'>;
}

export function createFreshnessModel(deps: FreshnessDeps) {
  const {
    client,
    activity: { panelVisible },
    tab: { followedTab },
    labels: { labelEditorFor },
    lookup: { lookupState },
    undo: { undoOffer, withdrawUndo },
  } = deps;
  return ownedModel((own) => {
    /** Now, to the half minute: what "2 min ago" is measured from. */
    const clock = signal(Date.now());

    /** Asks for a check when one is due; a check that cannot be asked for is simply not made (the card stays). */
    function revalidateCard(reason: Exclude<RevalidationReason, 'timer' | 'write'>) {
      const view = lookupState.peek();
      const tab = followedTab.peek();
      if (!tab || view.status !== 'found' || !view.selectedId || !revalidationDue(reason, view.checkedAt, Date.now())) return;
      void client.request('lookup.revalidate', { tabId: tab.id, reason }).catch(() => undefined);
    }

    const ticking = setInterval(() => (clock.value = Date.now()), TICK_MS);
    own.onDispose(() => clearInterval(ticking));
    let wasVisible = panelVisible.peek();
    own.effect(() => {
      const visible = panelVisible.value;
      if (visible && !wasVisible) {
        clock.value = Date.now();
        revalidateCard('shown');
      }
      wasVisible = visible;
    });
    let lastTab = followedTab.peek()?.id;
    own.effect(() => {
      const tab = followedTab.value?.id;
      if (tab !== undefined && lastTab !== undefined && tab !== lastTab) revalidateCard('tab');
      lastTab = tab ?? lastTab;
    });
    own.effect(() => {
      if (labelEditorFor.value) revalidateCard('editor');
    });
    // Nothing can be taken back for a customer merged away or deleted: the inverse would only fail too.
    own.effect(() => {
      const view = lookupState.value;
      const offer = undoOffer.peek();
      if (offer && view.status === 'found' && view.gone?.includes(offer.customerId)) withdrawUndo();
    });
    return { clock, revalidateCard };
  });
}

export type FreshnessModel = ReturnType<typeof createFreshnessModel>;
