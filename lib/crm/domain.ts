// The backend-neutral customer model every context speaks. Wire shapes never leave lib/crm/<backend>/;
// the panel, the messaging protocol and the outbox see only these types. Times are epoch milliseconds.

export type CrmStatus = 'first-contact' | 'unassigned' | 'following' | 'public-pool';

export interface AgentRef {
  id: string;
  name: string;
}

export interface LabelRef {
  id: string;
  name: string;
  color?: string;
}

export interface Label {
  id: string;
  name: string;
  groupId: string;
  /** A Chinese name in pinyin, for the label filter; added by the background (lib/crm/label-spelling.ts). */
  spelling?: LabelSpelling;
}

/** 抖音 → { full: 'douyin', initials: 'dy' }. */
export interface LabelSpelling {
  full: string;
  initials: string;
}

export interface LabelGroup {
  id: string;
  name: string;
  color: string;
  /** false: at most one label of the group per customer (Sobot `is_multiple_choice` 0). */
  multipleChoice: boolean;
  labels: Label[];
}

export interface Stage {
  id: string;
  name: string;
  order: number;
}

export type CustomFieldType = 'text' | 'textarea' | 'date' | 'time' | 'number' | 'select' | 'checkbox' | 'radio' | 'cascade';

export interface CustomFieldOption {
  value: string;
  name: string;
}

/** One option of a cascade and the options one level below it. */
export interface CascadeOption extends CustomFieldOption {
  children: CascadeOption[];
}

export interface CustomFieldDefinition {
  id: string;
  name: string;
  type: CustomFieldType;
  required: boolean;
  /** Every option; a cascade's options of all levels, depth first. */
  options: CustomFieldOption[];
  /**
   * A cascade's options as the tree they form, and how many levels a value must reach (0: any; a
   * required field at least one). The value is the chosen path, comma-joined.
   */
  cascade?: { tree: CascadeOption[]; fillLevel: number };
}

export interface CustomFieldValue {
  fieldId: string;
  type?: CustomFieldType;
  /** As stored: option values comma-joined for checkbox and cascade. */
  value: string;
  /** The CRM's own rendering of the value, when it sends one. */
  text?: string;
}

interface Region {
  provinceId?: string;
  provinceName?: string;
  cityId?: string;
  cityName?: string;
  districtId?: string;
  districtName?: string;
}

export interface Customer {
  id: string;
  nick: string;
  realName?: string;
  phones: string[];
  emails: string[];
  qq?: string;
  wechat?: string;
  sex?: 'male' | 'female';
  vip: boolean;
  vipLevel?: string;
  crmStatus?: CrmStatus;
  liableAgent?: AgentRef;
  sourceCode?: string;
  region: Region;
  company?: string;
  remark?: string;
  createdAt?: number;
  updatedAt?: number;
  /** Who made the newest change, as the CRM names them (Sobot update_user_name). */
  updatedBy?: string;
  /** Label ids as the list endpoint reports them; names and colours come from the label groups. */
  labelIds: string[];
  customFields: CustomFieldValue[];
}

/** How a closed follow-up ended. */
export type StageResult = 'won' | 'lost' | 'invalid';

export type TimelineGroup = 'staff' | 'customer' | 'other';

/** The newest follow-up note, for the card's one-line summary. */
export interface NoteSummary {
  at: number;
  actor?: string;
  text: string;
}

export interface TimelineEvent {
  id: string;
  kind: 'created' | 'stage' | 'note' | 'fields' | 'other';
  rawType: string;
  at: number;
  actor?: string;
  stage?: { from?: string; to?: string; result?: StageResult };
  text?: string;
  changes?: { name: string; from?: string; to?: string }[];
}

/** What the agent fills in to create a customer or change one (only the fields present are changed). */
export interface CustomerInput {
  nick: string;
  realName?: string;
  phone?: string;
  email?: string;
  qq?: string;
  wechat?: string;
  sex?: 'male' | 'female';
  vip?: boolean;
  crmStatus?: CrmStatus;
  liableAgent?: AgentRef;
  region?: Region;
  company?: string;
  remark?: string;
  customFields?: { fieldId: string; value: string }[];
}

export interface RegionOption {
  id: string;
  name: string;
}

export interface CustomerSource {
  code: string;
  name: string;
}

export type SearchField = 'nick' | 'realName' | 'company' | 'phone' | 'email';

export interface CustomerPage {
  customers: Customer[];
  page: number;
  pageCount: number;
  total: number;
}
