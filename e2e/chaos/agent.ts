// The agent of a chaos run: performs each scripted action through the panel page as the panel itself
// would (look the customer up, click a label, move the stage, send a note), keeps what the agent
// believes each customer's labels are, and journals every write the background accepted.
// Invariant: a write enters the journal once, after the background acknowledged storing it, in the
// order the agent made them; a label click is computed against the agent's belief, never the CRM's truth.
import { randomUUID } from 'node:crypto';
import type { Label, LabelGroup, LabelRef, Stage } from '../../lib/crm/domain';
import { applyLabelClick, mergeLabelDelta } from '../../lib/crm/label-delta';
import type { RequestOf } from '../../lib/messaging/protocol';
import type { JournalEntry } from './oracle';
import type { PanelDriver } from './panel';
import type { AgentStep } from './scenario';
import type { WriteTracker } from './tracker';

export interface ChaosCustomer {
  id: string;
  name: string;
  /** How the panel would find them: a phone in E.164 or an email. */
  contact: { kind: 'phone' | 'email'; value: string };
}

export interface Catalogue {
  labels: { group: LabelGroup; label: Label }[];
  stages: Stage[];
}

export interface AgentOptions {
  panel: PanelDriver;
  tracker: WriteTracker;
  journal: JournalEntry[];
  customers: ChaosCustomer[];
  catalogue: Catalogue;
}

type NewWrite = RequestOf<'write.enqueue'>;

/** The tab the chaos agent's look-ups are made for: no real tab has it, so no page interferes. */
const LOOKUP_TAB = 2_000_000;

export function createChaosAgent({ panel, tracker, journal, customers, catalogue }: AgentOptions) {
  const believed = new Map<string, LabelRef[]>();
  const performed: Record<string, number> = {};
  let lookupsFailed = 0;

  const customerAt = (index: number) => customers[index % customers.length]!;

  async function enqueue(write: NewWrite): Promise<void> {
    const reply = await panel.send('write.enqueue', write);
    if (!reply.ok) throw new Error(`the background refused a ${write.kind} write: ${reply.error.code} ${reply.error.message}`);
    tracker.enqueued(write);
  }

  async function lookup(customer: ChaosCustomer): Promise<void> {
    // The agent opens the contact in the panel of a tab of its own; the background publishes the answer.
    const reply = await panel.send('lookup.open', { tabId: LOOKUP_TAB, ...customer.contact });
    const view = reply.ok ? (await panel.tabLookup(LOOKUP_TAB))?.view : undefined;
    const sameContact = view && view.status !== 'idle' && view.contact.value === customer.contact.value;
    const card = sameContact && view.status === 'found' ? view.cards.find((each) => each.customer.id === customer.id) : undefined;
    // A lookup the faults broke is what the agent would see too: the card stays as it was.
    if (!card) lookupsFailed += 1;
    else believed.set(customer.id, card.labels);
  }

  async function clickLabel(customer: ChaosCustomer, labelIndex: number): Promise<void> {
    const { group, label } = catalogue.labels[labelIndex % catalogue.labels.length]!;
    const current = believed.get(customer.id) ?? [];
    const delta = applyLabelClick(current, group, label);
    const id = randomUUID();
    await enqueue({ id, customerId: customer.id, kind: 'labels', payload: delta });
    // The panel shows its own change at once, before the CRM has it.
    believed.set(customer.id, mergeLabelDelta(current, delta));
    journal.push({ kind: 'labels', writeId: id, customerId: customer.id, change: { add: delta.add.map((ref) => ref.id), remove: delta.remove } });
  }

  /** The scenario and the mock CRM speak Sobot's stage_type codes; a queued write speaks the extension's words. */
  const STAGE_WORDS = { 1: 'ongoing', 21: 'won', 22: 'lost', 23: 'invalid' } as const;

  async function setStage(customer: ChaosCustomer, stageIndex: number, type: 1 | 21 | 22 | 23): Promise<void> {
    const stage = catalogue.stages[stageIndex % catalogue.stages.length]!;
    const id = randomUUID();
    await enqueue({ id, customerId: customer.id, kind: 'stage', payload: { stage: { id: stage.id, name: stage.name }, type: STAGE_WORDS[type] } });
    journal.push({ kind: 'stage', writeId: id, customerId: customer.id, stage: { id: stage.id, type } });
  }

  async function sendNote(customer: ChaosCustomer, text: string): Promise<void> {
    const id = randomUUID();
    await enqueue({ id, customerId: customer.id, kind: 'note', payload: { content: text } });
    journal.push({ kind: 'note', writeId: id, customerId: customer.id, text });
  }

  return {
    /** What the panel showed when the agent opened the customer: the labels as the CRM has them now. */
    async openCustomer(customer: ChaosCustomer): Promise<void> {
      const reply = await panel.send('customer.labels', { customerId: customer.id });
      if (!reply.ok) throw new Error(`reading ${customer.name}'s labels failed: ${reply.error.message}`);
      believed.set(customer.id, reply.value);
    },

    async perform(step: AgentStep): Promise<void> {
      const customer = customerAt(step.customer);
      performed[step.kind] = (performed[step.kind] ?? 0) + 1;
      switch (step.kind) {
        case 'lookup':
          return lookup(customer);
        case 'labels':
          return clickLabel(customer, step.label);
        case 'stage':
          return setStage(customer, step.stage, step.type);
        case 'note':
          return sendNote(customer, step.text);
      }
    },

    performed: () => ({ ...performed }),
    lookupsFailed: () => lookupsFailed,
  };
}
