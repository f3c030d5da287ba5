// The connection settings the agent saves: which CRM, where, how requests are signed, "me in the CRM",
// auto-lookup. The type and its defaults only; where they are kept is lib/settings/agent-settings.ts.
import type { BackendKind } from '../crm/backend';
import type { AgentRef } from '../crm/domain';
import { DEFAULT_DESCRIPTOR } from '../crm/registry';

export interface Settings {
  backend: BackendKind;
  /** The CRM's base URL, e.g. https://www.sobot.com. */
  baseUrl: string;
  /** Look the newest detected contact up without a click. */
  autoLookup: boolean;
  /** Useasy only: how requests are signed, e.g. hmac-sha256/appid+nonce+timestamp/base64. */
  signatureRecipe?: string;
  /** The agent using this browser, as the CRM knows them: the target of "Assign to me". */
  myAgent?: AgentRef;
}

export const DEFAULT_SETTINGS: Settings = {
  backend: DEFAULT_DESCRIPTOR.kind,
  baseUrl: DEFAULT_DESCRIPTOR.hosts[0] ?? '',
  autoLookup: true,
};
