// Whether the agent is in the middle of something in the panel: their pointer or keyboard focus is in
// it, or something they started is open or just sent (a note draft, the label editor, a form, a
// confirmation, a search, a write of the last few seconds). While it is so, the background offers a new
// contact instead of opening it (tab-lookups.ts), so nothing changes under the agent's hands. The
// presence model reports it.
import { computed, signal } from '@preact/signals';
import { ownedModel } from '@/lib/signals/owned-model';
import type { CustomerFormModel } from './customer-form';
import type { LabelEditorModel } from './label-editor';
import type { LookupModel } from './lookup';
import type { NotesModel } from './notes';
import type { OwnershipModel } from './ownership';
import type { SearchModel } from './search';
import type { StageStepperModel } from './stage-stepper';
import type { WritesModel } from './writes';

/** A write the agent just made keeps the card still this long: they are looking at its result. */
export const WRITE_SETTLES_MS = 5_000;

export interface AgentActivityDeps {
  /** The panel's document; without one (a test) only what is open and written counts. */
  doc: Document | undefined;
  form: Pick<CustomerFormModel, 'formMode'>;
  labels: Pick<LabelEditorModel, 'labelEditorFor' | 'newLabel'>;
  lookup: Pick<LookupModel, 'lookupState'>;
  notes: Pick<NotesModel, 'noteDrafts'>;
  ownership: Pick<OwnershipModel, 'agentPickerOpen' | 'pendingAction'>;
  search: Pick<SearchModel, 'searchState' | 'searchText'>;
  stepper: Pick<StageStepperModel, 'pendingResult'>;
  writes: Pick<WritesModel, 'outboxWrites'>;
}

export function createAgentActivityModel({ doc, form, labels, lookup, notes, ownership, search, stepper, writes }: AgentActivityDeps) {
  return ownedModel((own) => {
    /** The panel is on screen (its document is visible); the background keeps a visible panel's card fresh. */
    const panelVisible = signal(!doc || doc.visibilityState === 'visible');

    const pointerInPanel = signal(false);
    const focusInPanel = signal(false);
    const writeJustMade = signal(false);

    const somethingOpen = computed(() => {
      const state = lookup.lookupState.value;
      const customerId = state.status === 'found' ? state.selectedId : undefined;
      const draft = customerId ? (notes.noteDrafts.value[customerId] ?? '').trim() : '';
      return Boolean(
        draft ||
          labels.labelEditorFor.value ||
          labels.newLabel.value ||
          form.formMode.value ||
          ownership.pendingAction.value ||
          ownership.agentPickerOpen.value ||
          stepper.pendingResult.value ||
          search.searchState.value.status !== 'idle' ||
          search.searchText.value.trim(),
      );
    });

    const agentBusy = computed(() => pointerInPanel.value || focusInPanel.value || writeJustMade.value || somethingOpen.value);

    /** Adds a listener for as long as the model lives. */
    function listen(target: EventTarget, type: string, listener: () => void, options?: AddEventListenerOptions) {
      target.addEventListener(type, listener, options);
      own.onDispose(() => target.removeEventListener(type, listener, options));
    }

    if (doc) {
      const view = doc.defaultView!;
      const focusNow = () => {
        const active = doc.activeElement;
        focusInPanel.value = doc.hasFocus() && active !== null && active !== doc.body && active !== doc.documentElement;
      };
      listen(doc, 'focusin', focusNow);
      // Focus moving between two elements passes through the body: look once it has settled.
      listen(doc, 'focusout', () => setTimeout(focusNow, 0));
      listen(doc.documentElement, 'pointerenter', () => (pointerInPanel.value = true));
      listen(doc.documentElement, 'pointerleave', () => (pointerInPanel.value = false));
      listen(doc, 'pointermove', () => (pointerInPanel.value = true), { passive: true });
      // The agent went back to the chat (clicked into the page, switched windows): neither is in the panel.
      listen(view, 'blur', () => {
        pointerInPanel.value = false;
        focusInPanel.value = false;
      });
      listen(view, 'focus', focusNow);
      listen(doc, 'visibilitychange', () => {
        panelVisible.value = doc.visibilityState === 'visible';
        if (doc.visibilityState === 'hidden') pointerInPanel.value = focusInPanel.value = false;
      });
    }

    let settle: ReturnType<typeof setTimeout> | undefined;
    own.onDispose(() => clearTimeout(settle));
    own.effect(() => {
      const newest = Math.max(0, ...writes.outboxWrites.value.map((write) => write.createdAt));
      const left = newest + WRITE_SETTLES_MS - Date.now();
      clearTimeout(settle);
      writeJustMade.value = left > 0;
      if (left > 0) settle = setTimeout(() => (writeJustMade.value = false), left);
    });
    return { panelVisible, agentBusy };
  });
}

export type AgentActivityModel = ReturnType<typeof createAgentActivityModel>;
