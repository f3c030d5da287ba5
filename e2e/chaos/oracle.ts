// What the CRM must hold at the end of a chaos run, computed only from what the agent and the colleague
// did, and how the CRM's actual state differs from it. Pure.
// Invariant: the journal is in the order things happened; a colleague only acts on a customer whose
// earlier label writes are all delivered, so applying the journal in order is the one right answer.
interface StageState {
  id: string | null;
  type: number | null;
}

export interface CustomerState {
  labelIds: string[];
  stage: StageState;
}

export interface LabelChange {
  add: string[];
  remove: string[];
}

export type JournalEntry =
  | { kind: 'labels'; writeId: string; customerId: string; change: LabelChange }
  | { kind: 'stage'; writeId: string; customerId: string; stage: { id: string; type: number } }
  | { kind: 'note'; writeId: string; customerId: string; text: string }
  | { kind: 'colleague'; customerId: string; change: LabelChange };

export interface Expected {
  labelIds: string[];
  stage: StageState;
  notes: { writeId: string; text: string }[];
}

export interface Observed extends CustomerState {
  /** How often each note text of the journal appears among the customer's follow-up records. */
  noteCounts: Record<string, number>;
}

interface Mismatch {
  customerId: string;
  what: string;
  /** The write behind it, when one write is to blame (a note). */
  writeId?: string;
}

export interface Verdict {
  notesExpected: number;
  /** Notes missing, label changes missing or undone, stages not the last one set. */
  lost: number;
  /** Extra copies of notes. */
  duplicated: number;
  mismatches: Mismatch[];
}

/** A label write or a colleague's edit: removals first, then additions, each id once. */
function applyLabelChange(labelIds: readonly string[], change: LabelChange): string[] {
  const removed = new Set(change.remove);
  return [...new Set([...labelIds.filter((id) => !removed.has(id)), ...change.add])];
}

export function expectedFinal(initial: ReadonlyMap<string, CustomerState>, journal: readonly JournalEntry[]): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  for (const [customerId, state] of initial) expected.set(customerId, { labelIds: [...state.labelIds], stage: { ...state.stage }, notes: [] });
  for (const entry of journal) {
    const customer = expected.get(entry.customerId);
    if (!customer) throw new Error(`the journal names customer ${entry.customerId}, whose start state was not read`);
    if (entry.kind === 'labels' || entry.kind === 'colleague') customer.labelIds = applyLabelChange(customer.labelIds, entry.change);
    else if (entry.kind === 'stage') customer.stage = { ...entry.stage };
    else customer.notes.push({ writeId: entry.writeId, text: entry.text });
  }
  return expected;
}

function labelMismatches(customerId: string, expected: Expected, observed: Observed): Mismatch[] {
  const have = new Set(observed.labelIds);
  const want = new Set(expected.labelIds);
  const missing = expected.labelIds.filter((id) => !have.has(id));
  const extra = observed.labelIds.filter((id) => !want.has(id));
  return [
    ...missing.map((id) => ({ customerId, what: `label ${id} should be there and is not` })),
    ...extra.map((id) => ({ customerId, what: `label ${id} should be gone and is there` })),
  ];
}

export function compare(expected: ReadonlyMap<string, Expected>, observed: ReadonlyMap<string, Observed>): Verdict {
  const verdict: Verdict = { notesExpected: 0, lost: 0, duplicated: 0, mismatches: [] };
  for (const [customerId, want] of expected) {
    const have = observed.get(customerId);
    if (!have) throw new Error(`no observed state for customer ${customerId}`);
    const labels = labelMismatches(customerId, want, have);
    verdict.mismatches.push(...labels);
    verdict.lost += labels.length;
    if (want.stage.id !== have.stage.id || want.stage.type !== have.stage.type) {
      verdict.lost += 1;
      verdict.mismatches.push({ customerId, what: `stage ${JSON.stringify(have.stage)}, expected ${JSON.stringify(want.stage)}` });
    }
    for (const { writeId, text } of want.notes) {
      verdict.notesExpected += 1;
      const count = have.noteCounts[text] ?? 0;
      if (count === 0) verdict.lost += 1;
      if (count > 1) verdict.duplicated += count - 1;
      if (count !== 1) verdict.mismatches.push({ customerId, writeId, what: `note “${text}” stored ${count} times` });
    }
  }
  return verdict;
}
