// Runs the panel's shortcuts (shortcuts.ts says which key means what) against the customer on screen:
// focus the note, open the labels, add the first suggested label, set stage N, step through the detected contacts, accept the new
// contact, undo, show the list. App.tsx installs it once.
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { stageSteps } from './CustomerWork';
import type { Panel } from './models/panel';
import { shortcutOf, type ShortcutIntent } from './shortcuts';

function selectedCustomerId({ lookup: { lookupState } }: Panel): string | undefined {
  const state = lookupState.value;
  return state.status === 'found' ? state.selectedId : undefined;
}

function focusInto(selector: string) {
  const element = document.querySelector<HTMLElement>(selector);
  element?.focus();
  element?.scrollIntoView({ block: 'nearest' });
  return Boolean(element);
}

function run(panel: Panel, intent: ShortcutIntent, openContact: (contact: TabContact) => void): boolean {
  const {
    settings: { settingsView },
    contacts: { tabContacts },
    labels: { labelEditorFor, toggleLabelEditor },
    suggestions: { applyFirstSuggestion },
  } = panel;
  const {
    lookup: { lookedUpValue, switchToOffer, tabLookup },
    stepper: { moveToStage },
    undo: { takeBack },
    shortcutHelpOpen,
  } = panel;
  const customerId = selectedCustomerId(panel);
  const capabilities = settingsView.value?.capabilities;
  switch (intent.kind) {
    case 'focus-note':
      return focusInto('.composer__text');
    case 'open-labels':
      if (!customerId || !capabilities?.labels) return false;
      if (labelEditorFor.value !== customerId) toggleLabelEditor(customerId);
      else focusInto('.label-editor__filter, .label-toggle[tabindex="0"]');
      return true;
    case 'apply-suggestion':
      return Boolean(customerId && capabilities?.labels && applyFirstSuggestion(customerId));
    case 'set-stage': {
      if (!customerId || !capabilities?.stages) return false;
      const { stages, currentId } = stageSteps(panel, customerId);
      const stage = stages[intent.index];
      if (!stage) return false;
      moveToStage(customerId, stage, currentId);
      return true;
    }
    case 'contact': {
      const contacts = tabContacts.value;
      if (contacts.length === 0) return false;
      const at = contacts.findIndex((contact) => contact.value === lookedUpValue.value);
      const next = contacts[at < 0 ? 0 : Math.min(contacts.length - 1, Math.max(0, at + intent.step))]!;
      if (next.value !== lookedUpValue.value) openContact(next);
      return true;
    }
    case 'accept-new-contact':
      if (!tabLookup.value.offer) return false;
      switchToOffer();
      return true;
    case 'undo':
      takeBack();
      return true;
    case 'help':
      shortcutHelpOpen.value = !shortcutHelpOpen.value;
      return true;
  }
}

/** Listens for shortcuts on the panel's document; returns how to stop. */
export function installShortcuts(panel: Panel, { openContact }: { openContact: (contact: TabContact) => void }): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const intent = shortcutOf(event);
    if (intent && run(panel, intent, openContact)) event.preventDefault();
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}
