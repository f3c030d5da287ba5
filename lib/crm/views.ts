// What the panel is shown of customers, built from the domain types: a customer's card, a contact's
// lookup answer, and the CRM's lists the card is named with. Types only: the background builds them,
// the panel renders them, and the messaging protocol carries them.
import type { Customer, CustomerSource, CustomFieldDefinition, LabelGroup, LabelRef, Stage } from './domain';

export interface CustomerCard {
  customer: Customer;
  labels: LabelRef[];
}

export interface LookupAnswer {
  /** The forms of the contact that were searched, in order. */
  tried: string[];
  cards: CustomerCard[];
}

/**
 * The CRM's lists the panel names a card's parts with (label groups, stages, custom fields, sources),
 * as `reference.get` answers them; the background reads them through its CRM list cache.
 */
export interface CardVocabulary {
  labelGroups: LabelGroup[];
  stages: Stage[];
  customFields: CustomFieldDefinition[];
  sources: CustomerSource[];
}
