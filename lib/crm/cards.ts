// Builds what the panel shows for a customer: the record plus its labels named and coloured through the
// cached label groups, and the newest follow-up note of a timeline page (the card's summary line; the
// stage read from the same page is lib/crm/stage.ts's). Pure; the background imports it.
import type { CustomerCard } from './views';
import type { Customer, LabelGroup, LabelRef, NoteSummary, TimelineEvent } from './domain';

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

/** The newest follow-up note in a timeline page: who wrote it, when, and its text. */
export function latestNote(events: TimelineEvent[]): NoteSummary | null {
  const newest = events.filter((event) => event.kind === 'note' && event.text).sort((a, b) => b.at - a.at)[0];
  return newest ? { at: newest.at, text: newest.text!, ...(newest.actor ? { actor: newest.actor } : {}) } : null;
}
