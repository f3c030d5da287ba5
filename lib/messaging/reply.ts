// What a message's answer is when it crosses to a page: the value, or an error with a closed code the
// page words in the agent's language. Apart from the protocol table so that backend descriptors, which
// name the errors they word their own way, do not import the table.
import type { SerializedCrmError } from '../crm/errors';

export type ErrorCode = SerializedCrmError['code'] | 'invalid-message' | 'forbidden' | 'internal';

export interface MessageError {
  code: ErrorCode;
  message: string;
  crmCode?: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: MessageError };
