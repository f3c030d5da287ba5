// Whether the agent is in the middle of something in the panel: their pointer or keyboard focus is in
// it, or something they started is open or just sent (a note draft, the label editor, a form, a
// confirmation, a search, a write of the last few seconds). While it is so, the background offers a new
// contact instead of opening it (tab-lookups.ts), so nothing changes under the agent's hands. The
// presence model reports it.
import { computed, effect, signal } from '@preact/signals';
import { formMode } from './customer-form';
import { labelEditorFor, newLabel } from './label-editor';
import { lookupState } from './lookup';
import { noteDrafts } from './notes';
import { agentPickerOpen, pendingAction } from './ownership';
import { searchState, searchText } from './search';
import { pendingResult } from './stage-stepper';
import { outboxWrites } from './writes';

/** A write the agent just made keeps the card still this long: they are looking at its result. */
export const WRITE_SETTLES_MS = 5_000;

/** The panel is on screen (its document is visible); the background keeps a visible panel's card fresh. */
export const panelVisible = signal(typeof document === 'undefined' || document.visibilityState === 'visible');

const pointerInPanel = signal(false);
const focusInPanel = signal(false);
const writeJustMade = signal(false);

const somethingOpen = computed(() => {
  const state = lookupState.value;
  const customerId = state.status === 'found' ? state.selectedId : undefined;
  const draft = customerId ? (noteDrafts.value[customerId] ?? '').trim() : '';
  return Boolean(
    draft ||
      labelEditorFor.value ||
      newLabel.value ||
      formMode.value ||
      pendingAction.value ||
      agentPickerOpen.value ||
      pendingResult.value ||
      searchState.value.status !== 'idle' ||
      searchText.value.trim(),
  );
});

export const agentBusy = computed(() => pointerInPanel.value || focusInPanel.value || writeJustMade.value || somethingOpen.value);

export function startTrackingActivity(doc: Document = document) {
  const view = doc.defaultView!;
  const focusNow = () => {
    const active = doc.activeElement;
    focusInPanel.value = doc.hasFocus() && active !== null && active !== doc.body && active !== doc.documentElement;
  };
  doc.addEventListener('focusin', focusNow);
  // Focus moving between two elements passes through the body: look once it has settled.
  doc.addEventListener('focusout', () => setTimeout(focusNow, 0));
  doc.documentElement.addEventListener('pointerenter', () => (pointerInPanel.value = true));
  doc.documentElement.addEventListener('pointerleave', () => (pointerInPanel.value = false));
  doc.addEventListener('pointermove', () => (pointerInPanel.value = true), { passive: true });
  // The agent went back to the chat (clicked into the page, switched windows): neither is in the panel.
  view.addEventListener('blur', () => {
    pointerInPanel.value = false;
    focusInPanel.value = false;
  });
  view.addEventListener('focus', focusNow);
  panelVisible.value = doc.visibilityState === 'visible';
  doc.addEventListener('visibilitychange', () => {
    panelVisible.value = doc.visibilityState === 'visible';
    if (doc.visibilityState === 'hidden') pointerInPanel.value = focusInPanel.value = false;
  });

  let settle: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const newest = Math.max(0, ...outboxWrites.value.map((write) => write.createdAt));
    const left = newest + WRITE_SETTLES_MS - Date.now();
    clearTimeout(settle);
    writeJustMade.value = left > 0;
    if (left > 0) settle = setTimeout(() => (writeJustMade.value = false), left);
  });
}
