// From the labels a conversation talks about (label-matcher.ts) to the few the panel offers for one
// customer: never a label the customer has, one per single-choice group (saying which label it would
// replace), at most MAX_SUGGESTIONS. Pure and dependency-free; the panel imports it, so the labels it
// checks against are the ones on screen, the agent's queued changes included.
import type { Label, LabelGroup, LabelRef } from '../crm/domain';
import type { LabelMatch } from './label-matcher';

const MAX_SUGGESTIONS = 3;

export interface LabelSuggestion {
  group: LabelGroup;
  label: Label;
  /** The words of the conversation that suggested it. */
  words: string[];
  /** In a single-choice group: the customer's label of that group it would take the place of. */
  replaces?: LabelRef;
}

export function pickSuggestions(
  matches: readonly LabelMatch[],
  groups: readonly LabelGroup[],
  current: readonly LabelRef[],
  max = MAX_SUGGESTIONS,
): LabelSuggestion[] {
  const has = new Set(current.map((label) => label.id));
  const groupsById = new Map(groups.map((group) => [group.id, group]));
  const singleGroupsTaken = new Set<string>();
  const picked: LabelSuggestion[] = [];
  for (const match of matches) {
    if (picked.length >= max) break;
    const group = groupsById.get(match.groupId);
    const label = group?.labels.find((candidate) => candidate.id === match.labelId);
    if (!group || !label || has.has(label.id)) continue;
    if (group.multipleChoice) {
      picked.push({ group, label, words: match.words });
      continue;
    }
    // Two labels of a group that takes one: the conversation's latest word on it wins.
    if (singleGroupsTaken.has(group.id)) continue;
    singleGroupsTaken.add(group.id);
    const ids = new Set(group.labels.map((each) => each.id));
    const replaces = current.find((ref) => ids.has(ref.id));
    picked.push({ group, label, words: match.words, ...(replaces ? { replaces } : {}) });
  }
  return picked;
}
