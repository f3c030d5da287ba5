// What the extension's pages are shown of the settings and the sites: never a secret, and what an
// admin's policy set or left out. Types only: the background builds them, the options page and the
// side panel render them.
import type { CrmCapabilities } from '../crm/backend';
import type { IgnoredPolicyValue, LockedField } from './policy';
import type { Settings } from './settings';

/** The settings as the options page and the panel see them: never the secret, only whether there is one. */
export interface SettingsView {
  settings: Settings;
  appid: string;
  hasAppKey: boolean;
  configured: boolean;
  capabilities: CrmCapabilities;
  /** Fields an admin set by policy: the options page shows them locked. */
  locked: LockedField[];
  /** Policy values left out as malformed or unsafe, with why: the options page shows them to the admin. */
  policyIgnored: IgnoredPolicyValue[];
  /** The current connection's key (lib/crm/connection-key.ts), to tell which queued writes wait for another. */
  connection?: string;
}

/** Where the scanner runs by itself: the agent's sites and the admin's, which the agent cannot remove. */
export interface SitesView {
  enabledSites: string[];
  setByAdmin: string[];
}
