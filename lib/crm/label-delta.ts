// The label editor's rules and the merge that makes a label write safe against colleagues. Pure; the
// panel imports applyLabelClick, the background's outbox delivery imports mergeLabelDelta.
// Invariant: an agent's write changes only the labels the agent touched; every other label stays as
// the CRM has it at the moment of writing.
import type { Label, LabelGroup, LabelRef } from './domain';

export interface LabelDelta {
  add: LabelRef[];
  remove: string[];
}

function refOf(group: LabelGroup, label: Label): LabelRef {
  return group.color ? { id: label.id, name: label.name, color: group.color } : { id: label.id, name: label.name };
}

/**
 * What one click on `label` changes, given the labels the agent sees. In a single-choice group the
 * pick removes every other label of the group, not only the one shown: a colleague may have picked
 * another one meanwhile, and the group must still end up with at most one.
 */
export function applyLabelClick(current: LabelRef[], group: LabelGroup, label: Label): LabelDelta {
  const chosen = current.some((ref) => ref.id === label.id);
  if (chosen) return { add: [], remove: [label.id] };
  if (group.multipleChoice) return { add: [refOf(group, label)], remove: [] };
  const others = group.labels.filter((other) => other.id !== label.id).map((other) => other.id);
  return { add: [refOf(group, label)], remove: others };
}

/**
 * The label set to write: `latest` (read from the CRM right before writing) with the agent's delta
 * applied. Removals go first, so a label both removed and added ends up present; what a colleague added
 * stays, what a colleague removed stays removed unless this delta adds it.
 */
export function mergeLabelDelta(latest: LabelRef[], delta: LabelDelta): LabelRef[] {
  const removed = new Set(delta.remove);
  const present = new Set<string>();
  const result: LabelRef[] = [];
  // Each id once, the CRM's own entry (its name and colour) first when both list it.
  for (const ref of [...latest.filter((ref) => !removed.has(ref.id)), ...delta.add]) {
    if (present.has(ref.id)) continue;
    present.add(ref.id);
    result.push(ref);
  }
  return result;
}
