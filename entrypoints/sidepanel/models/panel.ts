// The side panel's models, made once per panel and given to the components through PanelContext: each
// gets the models it reads, so none reaches for another through a module import, and `dispose()` stops
// every effect, listener, timer and port they started. main.tsx makes the one real panel; tests make the
// models they need with a fake client.
import { signal } from '@preact/signals';
import type { Client } from '@/lib/messaging/client';
import { createAgentActivityModel } from './agent-activity';
import { createAnnouncer } from './announcer';
import { createConfirmationGuard } from './confirmation-guard';
import { createContactsModel } from './contacts';
import { createCustomerFormModel } from './customer-form';
import { createFollowedTabModel } from './followed-tab';
import { createFreshnessModel } from './freshness';
import { createLabelEditorModel } from './label-editor';
import { createLabelSuggestionsModel } from './label-suggestions';
import { createLookupModel } from './lookup';
import { createNotesModel } from './notes';
import { createOwnershipModel } from './ownership';
import { createPendingLookupTaker } from './pending-lookup';
import { createPresenceReporter } from './presence';
import { createReferenceModel } from './reference';
import { createSearchModel } from './search';
import { createSettingsModel } from './settings';
import { createSiteAccessModel } from './site-access';
import { createStageModel } from './stage';
import { createStageStepperModel } from './stage-stepper';
import { createTimelineModel } from './timeline';
import { createUndoModel } from './undo';
import { createWritesModel } from './writes';

export function createPanel(client: Client, doc: Document | undefined = document) {
  const settings = createSettingsModel({ client });
  const tab = createFollowedTabModel();
  const contacts = createContactsModel({ tab });
  const siteAccess = createSiteAccessModel({ client, tab });
  const lookup = createLookupModel({ client, tab, settings });
  const writes = createWritesModel({ client, settings });
  const undo = createUndoModel();
  const reference = createReferenceModel({ client, settings });
  const stage = createStageModel({ client, lookup });
  const stepper = createStageStepperModel({ stage, undo, writes });
  const labels = createLabelEditorModel({ client, lookup, reference, undo, writes });
  const suggestions = createLabelSuggestionsModel({ client, tab, labels, lookup, reference });
  const notes = createNotesModel({ writes });
  const timeline = createTimelineModel({ client, lookup, settings, stage, writes });
  const ownership = createOwnershipModel({ client });
  const search = createSearchModel({ client, lookup });
  const form = createCustomerFormModel({ client, lookup, reference, settings });
  const activity = createAgentActivityModel({ doc, form, labels, lookup, notes, ownership, search, stepper, writes });
  const guard = createConfirmationGuard({ lookup, ownership, stepper });
  const freshness = createFreshnessModel({ client, activity, tab, labels, lookup, undo });
  const announcer = createAnnouncer({ ownership, reference, writes });
  const presence = createPresenceReporter({ activity, tab, settings });
  const pendingLookups = createPendingLookupTaker({ tab, lookup, search });
  const models = {
    settings,
    tab,
    contacts,
    siteAccess,
    lookup,
    writes,
    undo,
    reference,
    stage,
    stepper,
    labels,
    suggestions,
    notes,
    timeline,
    ownership,
    search,
    form,
    activity,
    guard,
    freshness,
    announcer,
    presence,
    pendingLookups,
  };
  // The panel can close between a keystroke and the note draft's debounced save.
  const flushDrafts = () => void notes.flushNoteDrafts();
  doc?.defaultView?.addEventListener('pagehide', flushDrafts);
  return {
    ...models,
    /** The list of shortcuts under "?", open or not. */
    shortcutHelpOpen: signal(false),
    dispose() {
      doc?.defaultView?.removeEventListener('pagehide', flushDrafts);
      for (const model of Object.values(models).reverse()) model.dispose();
    },
  };
}

export type Panel = ReturnType<typeof createPanel>;
