// The contract every CRM backend implements, and what it can do. The background talks to the CRM only
// through this interface; the panel learns the capabilities and shows only controls that can work.
import type { TokenStore } from '../auth/token-holder';
import type {
  AgentRef,
  CrmStatus,
  CustomerInput,
  RegionOption,
  Customer,
  CustomerPage,
  CustomerSource,
  CustomFieldDefinition,
  Label,
  LabelGroup,
  LabelRef,
  SearchField,
  Stage,
  StageResult,
  TimelineEvent,
  TimelineGroup,
} from './domain';
import type { BackendKind } from './registry';

export type { BackendKind };

/** What the settings and credentials say about a connection, as every backend's factory takes it. */
export interface BackendConnection {
  baseUrl: string;
  appid: string;
  secret: string;
  /** A signature recipe in its one-line text form, for backends that sign that way; their default when absent. */
  signatureRecipe?: string;
}

export interface BackendDependencies {
  tokenStore: TokenStore;
  fetch?: typeof fetch;
}

/** Builds a backend for a connection; each backend folder exports one (its connect.ts). */
export type BackendFactory = (connection: BackendConnection, deps: BackendDependencies) => CrmBackend;

export interface CustomerWritten {
  id: string;
  customer?: Customer;
}

/** A stage move: still in progress, or closed with a result. Each backend words it its own way. */
export type StageType = 'ongoing' | StageResult;

/** The customer's own fields a backend stores, as the create / edit form offers them. */
export type CustomerFieldName = 'nick' | 'realName' | 'phone' | 'email' | 'company' | 'vip' | 'crmStatus' | 'liableAgent' | 'region';

export interface CrmCapabilities {
  /** The form shows these (plus the backend's custom fields) and sends nothing else. */
  customerFields: CustomerFieldName[];
  labels: boolean;
  stages: boolean;
  notes: boolean;
  timeline: boolean;
  /** Assign to an agent and return to the public pool. */
  ownership: boolean;
  /** The fields manual search can use, in the order the panel offers them. */
  searchFields: SearchField[];
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
  /** Where customers come from, to name a customer's source code. */
  listSources?(): Promise<CustomerSource[]>;
  listTimeline?(customerId: string, page?: number, group?: TimelineGroup): Promise<{ events: TimelineEvent[]; pageCount: number }>;
  /**
   * Returns the new customer's id, and the customer too when the CRM's answer carries the record, so
   * nobody reads back what the write already told. Never sends the create twice for one call.
   */
  createCustomer(input: CustomerInput): Promise<CustomerWritten>;
  /** Returns the customer as the CRM now has it when its answer carries the record. */
  updateCustomer(id: string, input: CustomerInput): Promise<Customer | undefined>;
  listAgents?(): Promise<AgentRef[]>;
  listProvinces?(): Promise<RegionOption[]>;
  listCities?(provinceId: string): Promise<RegionOption[]>;
  listDistricts?(cityId: string): Promise<RegionOption[]>;
  assignCustomer?(customerId: string, agent: AgentRef, from: CrmStatus | undefined): Promise<void>;
  returnToPublicPool?(customerId: string): Promise<void>;
  /**
   * Replaces the customer's WHOLE label set with `labels`. Callers read the current set right before and
   * apply only the agent's delta (lib/crm/label-delta.ts), or a colleague's concurrent change is lost.
   */
  setCustomerLabels?(customerId: string, labels: LabelRef[]): Promise<void>;
  setStage?(customerId: string, stage: { id: string; name: string }, type: StageType): Promise<void>;
  /** Not idempotent: every successful call adds one more note. */
  addNote?(customerId: string, content: string): Promise<void>;
  /** Creates a label in a group and returns it with the id the CRM gave it. */
  createLabel?(groupId: string, name: string): Promise<Label>;
}
