// The colleague of a chaos run: edits a customer's labels in the CRM's own UI while the agent works on
// the same customers, and journals the change for the oracle.
// Invariant: the colleague only touches a customer none of whose label writes may still land. The CRM
// replaces label sets whole, with no compare-and-set, so an edit landing between the outbox's read and
// its write would be overwritten by design; the run's order of events must be the CRM's order.
import type { Catalogue, ChaosCustomer } from './agent';
import { colleagueChangesLabels, storedCustomer } from './mock-crm';
import type { JournalEntry, LabelChange } from './oracle';
import type { PanelDriver } from './panel';
import type { WriteTracker } from './tracker';

export interface Colleague {
  mockUrl: string;
  panel: PanelDriver;
  tracker: WriteTracker;
  customers: ChaosCustomer[];
  catalogue: Catalogue;
  journal: JournalEntry[];
}

/** A click in the CRM's own UI: toggles the label; a pick in a single-choice group drops the others. */
function colleagueClick(current: readonly string[], { group, label }: Catalogue['labels'][number]): LabelChange {
  if (current.includes(label.id)) return { add: [], remove: [label.id] };
  const others = group.multipleChoice ? [] : group.labels.filter((other) => other.id !== label.id).map((other) => other.id);
  return { add: [label.id], remove: others };
}

/** Clicks a label for the first customer from `customerIndex` on that is free to edit; false if none was. */
export async function colleagueEdits(colleague: Colleague, customerIndex: number, labelIndex: number): Promise<boolean> {
  const { customers, tracker } = colleague;
  tracker.observe(await colleague.panel.outboxView());
  const inTurn = customers.map((_, offset) => customers[(customerIndex + offset) % customers.length]!);
  const customer = inTurn.find((candidate) => !tracker.labelsInFlight(candidate.id));
  if (!customer) return false;
  const { labelIds } = await storedCustomer(colleague.mockUrl, customer.id);
  const change = colleagueClick(labelIds, colleague.catalogue.labels[labelIndex % colleague.catalogue.labels.length]!);
  await colleagueChangesLabels(colleague.mockUrl, customer.id, change);
  colleague.journal.push({ kind: 'colleague', customerId: customer.id, change });
  return true;
}
