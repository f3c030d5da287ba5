// Enterprise roll-out: what an admin set through Chrome/Edge policy (storage.managed, described by
// public/managed_schema.json) wins over what the agent saved, and is shown locked. Pure; the background
// imports it, extension pages import its types. A malformed policy value is ignored, never trusted, and
// every ignored value is named (with why) so the admin can see it on the options page.
import type { Credentials } from '../auth/credential-store';
import { isBackendKind, type BackendKind } from '../crm/registry';
import { checkBaseUrl, checkSiteOrigin, normalizeBaseUrl, originOf, type BaseUrlProblem, type SiteProblem } from '../crm/hosts';
import type { Settings } from './settings';
import type { LabelSynonyms } from '../suggest/label-matcher';
import { cleanSynonyms, type SuggestionPolicy } from '../suggest/suggestion-settings';

export interface ManagedPolicy {
  backend?: BackendKind;
  baseUrl?: string;
  appid?: string;
  secret?: string;
  enabledSites?: string[];
  autoLookup?: boolean;
  /** Label suggestions on or off for every agent (lib/suggest/suggestion-settings.ts lays it over theirs). */
  labelSuggestions?: boolean;
  /** Synonyms per label name, always in use; agents add their own. */
  labelSynonyms?: LabelSynonyms;
}

export type LockedField = keyof ManagedPolicy;

export type IgnoredReason = BaseUrlProblem | SiteProblem | 'wrong-type' | 'too-long' | 'secret-without-base-url' | 'too-many';

/** One policy value left out, and why. A secret is never repeated here. */
export interface IgnoredPolicyValue {
  field: string;
  value?: string;
  reason: IgnoredReason;
}

export interface PolicyReading {
  policy: ManagedPolicy;
  ignored: IgnoredPolicyValue[];
}

const MAX_SITES = 200;
const shown = (value: unknown) => (typeof value === 'string' ? value.slice(0, 300) : JSON.stringify(value)?.slice(0, 300));
const text = (value: unknown, max: number) => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** Reads a policy field by field: each good value is kept, each bad one is named in `ignored`. */
export function readPolicy(raw: unknown): PolicyReading {
  const policy: ManagedPolicy = {};
  const ignored: IgnoredPolicyValue[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { policy, ignored };
  const given = raw as Record<string, unknown>;
  const ignore = (field: string, reason: IgnoredReason, value?: unknown) =>
    ignored.push({ field, reason, ...(value === undefined ? {} : { value: shown(value) }) });

  if (given.backend !== undefined) {
    if (isBackendKind(given.backend)) policy.backend = given.backend;
    else ignore('backend', 'wrong-type', given.backend);
  }
  if (given.baseUrl !== undefined) {
    const problem = typeof given.baseUrl === 'string' ? checkBaseUrl(given.baseUrl) : 'invalid';
    if (problem) ignore('baseUrl', problem, given.baseUrl);
    else policy.baseUrl = normalizeBaseUrl(given.baseUrl as string);
  }
  if (given.appid !== undefined) {
    if (text(given.appid, 128)) policy.appid = (given.appid as string).trim();
    else ignore('appid', 'wrong-type', given.appid);
  }
  if (given.secret !== undefined) {
    // The admin's secret is bound to the admin's address: without one it would sign for any address.
    if (!text(given.secret, 256)) ignore('secret', 'wrong-type');
    else if (!policy.baseUrl) ignore('secret', 'secret-without-base-url');
    else policy.secret = given.secret as string;
  }
  if (given.enabledSites !== undefined) {
    if (!Array.isArray(given.enabledSites)) ignore('enabledSites', 'wrong-type', given.enabledSites);
    else {
      const sites: string[] = [];
      for (const [index, site] of given.enabledSites.entries()) {
        if (index >= MAX_SITES) {
          ignore('enabledSites', 'too-many', `${given.enabledSites.length - MAX_SITES}`);
          break;
        }
        const problem = typeof site === 'string' ? checkSiteOrigin(site) : 'invalid';
        if (problem) ignore('enabledSites', problem, site);
        else sites.push(new URL((site as string).trim()).origin);
      }
      if (sites.length > 0) policy.enabledSites = [...new Set(sites)];
    }
  }
  if (given.autoLookup !== undefined) {
    if (typeof given.autoLookup === 'boolean') policy.autoLookup = given.autoLookup;
    else ignore('autoLookup', 'wrong-type', given.autoLookup);
  }
  if (given.labelSuggestions !== undefined) {
    if (typeof given.labelSuggestions === 'boolean') policy.labelSuggestions = given.labelSuggestions;
    else ignore('labelSuggestions', 'wrong-type', given.labelSuggestions);
  }
  if (given.labelSynonyms !== undefined) {
    const synonyms = cleanSynonyms(given.labelSynonyms);
    if (synonyms) policy.labelSynonyms = synonyms;
    else ignore('labelSynonyms', 'wrong-type');
  }
  return { policy, ignored };
}

export function parsePolicy(raw: unknown): ManagedPolicy {
  return readPolicy(raw).policy;
}

export function effectiveSettings(local: Settings, policy: ManagedPolicy): Settings {
  return {
    ...local,
    backend: policy.backend ?? local.backend,
    baseUrl: policy.baseUrl ?? local.baseUrl,
    autoLookup: policy.autoLookup ?? local.autoLookup,
  };
}

/** The agent's credentials with the admin's laid over them; the admin's secret is bound to the admin's address. */
export function effectiveCredentials(stored: Credentials | undefined, policy: ManagedPolicy): Credentials | undefined {
  if (!policy.appid && !policy.secret) return stored;
  const secret = policy.secret
    ? { secret: policy.secret, origin: originOf(policy.baseUrl ?? '') }
    : { secret: stored?.secret ?? '', ...(stored?.origin ? { origin: stored.origin } : {}) };
  return { appid: policy.appid ?? stored?.appid ?? '', ...secret };
}

export function effectiveSites(local: string[], policy: ManagedPolicy): string[] {
  return [...new Set([...(policy.enabledSites ?? []), ...local])];
}

/** What the policy says about label suggestions (lib/suggest/suggestion-settings.ts lays it over the agent's). */
export function suggestionPolicyOf(policy: ManagedPolicy): SuggestionPolicy {
  return {
    ...(policy.labelSuggestions !== undefined ? { enabled: policy.labelSuggestions } : {}),
    ...(policy.labelSynonyms ? { synonyms: policy.labelSynonyms } : {}),
  };
}

export function lockedFields(policy: ManagedPolicy): LockedField[] {
  return (Object.keys(policy) as LockedField[]).filter((key) => policy[key] !== undefined);
}
