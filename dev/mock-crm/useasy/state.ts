// The mock account's mutable data: customers as the API shows them, keyed by their 18-digit string id.
// Routes and the control API change it only through these records; `seedState()` (seed.ts) builds a
// fresh copy, so a reset never shares objects with the previous run.

export interface ContactEntry {
  value: string;
  memo: string;
}

/**
 * A customer as stored and served: wire names for everything, custom-field values as extra keys named
 * by field id. A control patch may write any value of any type, so readers treat it as untyped data.
 */
export interface CustomerRecord {
  _id: string;
  accountId: string;
  customerName: string;
  mobile?: ContactEntry[];
  email?: ContactEntry[];
  qq?: ContactEntry[];
  wechat?: ContactEntry[];
  customerSource?: string[];
  visitorId?: string;
  owner?: string;
  firstOwner?: string;
  assignTime?: string;
  firstAssignTime?: string;
  /** The public seas ("公海") the customer sits in; empty or absent for an owned customer. */
  openSeaIds?: string[];
  createMethod: string;
  createAgent: string;
  updateAgent: string;
  createTime: string;
  updateTime: string;
  [customField: string]: unknown;
}

export interface UseasyState {
  customers: Map<string, CustomerRecord>;
  /** Counts records created through the API, for their ids. */
  createdCount: number;
}

/** What the API writes as createAgent / updateAgent, as in every example of the document. */
export const API_AGENT = 'openApi';
