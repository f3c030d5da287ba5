// The contract every CRM backend implements, and what it can do. The background talks to the CRM only
// through this interface; the panel learns the capabilities and shows only controls that can work.
import type {
  Customer,
  CustomerPage,
  CustomFieldDefinition,
  LabelGroup,
  LabelRef,
  SearchField,
  Stage,
  TimelineEvent,
} from './domain';

export type BackendKind = 'sobot' | 'useasy';

export interface CrmCapabilities {
  labels: boolean;
  stages: boolean;
  notes: boolean;
  timeline: boolean;
}

export interface CrmBackend {
  readonly kind: BackendKind;
  readonly capabilities: CrmCapabilities;
  /** Proves the base URL and credentials work; throws a CrmError that says why not. */
  testConnection(): Promise<void>;
  searchCustomers(field: SearchField, value: string, page?: number): Promise<CustomerPage>;
  getCustomer(id: string): Promise<Customer>;
  listCustomFields(): Promise<CustomFieldDefinition[]>;
  listLabelGroups?(): Promise<LabelGroup[]>;
  getCustomerLabels?(customerId: string): Promise<LabelRef[]>;
  listStages?(): Promise<Stage[]>;
  listTimeline?(customerId: string, page?: number): Promise<{ events: TimelineEvent[]; pageCount: number }>;
}
