// Builds what the panel shows for a customer: the record plus its labels named and coloured through the
// cached label groups. Pure; the background's handlers import it.
import type { CustomerCard } from './views';
import type { Customer, LabelGroup, LabelRef, NoteSummary, Stage, TimelineEvent } from './domain';

export function labelRefsOf(labelIds: string[], groups: LabelGroup[]): LabelRef[] {
  const byId = new Map<string, LabelRef>();
  for (const group of groups) {
    for (const label of group.labels) byId.set(label.id, { id: label.id, name: label.name, color: group.color || undefined });
  }
  return labelIds.flatMap((id) => {
    const label = byId.get(id);
    return label ? [label] : [];
  });
}

export function toCards(customers: Customer[], groups: LabelGroup[]): CustomerCard[] {
  return customers.map((customer) => ({ customer, labels: labelRefsOf(customer.labelIds, groups) }));
}

/** The customer's current stage is the target of the newest stage change in the timeline. */
/** The newest follow-up note in a timeline page: who wrote it, when, and its text. */
export function latestNote(events: TimelineEvent[]): NoteSummary | null {
  const newest = events.filter((event) => event.kind === 'note' && event.text).sort((a, b) => b.at - a.at)[0];
  return newest ? { at: newest.at, text: newest.text!, ...(newest.actor ? { actor: newest.actor } : {}) } : null;
}

export function currentStage(events: TimelineEvent[], stages: Stage[]): Stage | null {
  const newest = [...events].filter((event) => event.kind === 'stage').sort((a, b) => b.at - a.at)[0];
  const name = newest?.stage?.to;
  if (!name) return null;
  return stages.find((stage) => stage.name === name) ?? { id: '', name, order: -1 };
}
