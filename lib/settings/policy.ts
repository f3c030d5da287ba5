// Enterprise roll-out: what an admin set through Chrome/Edge policy (storage.managed, described by
// public/managed_schema.json) wins over what the agent saved, and is shown locked. Pure; the background
// imports it. A malformed policy value is ignored, never trusted.
import * as z from 'zod/mini';
import type { Credentials } from '../auth/credential-store';
import type { Settings } from '../storage';

const origin = z.string().check(z.maxLength(300), z.regex(/^https?:\/\/[^/\s]+$/));

const policySchema = z.object({
  backend: z.optional(z.catch(z.optional(z.enum(['sobot', 'useasy'])), undefined)),
  baseUrl: z.optional(z.catch(z.optional(z.string().check(z.maxLength(300), z.regex(/^https?:\/\//))), undefined)),
  appid: z.optional(z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(128))), undefined)),
  secret: z.optional(z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(256))), undefined)),
  enabledSites: z.optional(z.catch(z.optional(z.array(origin).check(z.maxLength(200))), undefined)),
  autoLookup: z.optional(z.catch(z.optional(z.boolean()), undefined)),
});

export type ManagedPolicy = z.infer<typeof policySchema>;
export type LockedField = keyof ManagedPolicy;

export function parsePolicy(raw: unknown): ManagedPolicy {
  const parsed = z.safeParse(policySchema, raw ?? {});
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as ManagedPolicy;
}

export function effectiveSettings(local: Settings, policy: ManagedPolicy): Settings {
  return {
    ...local,
    backend: policy.backend ?? local.backend,
    baseUrl: policy.baseUrl?.replace(/\/+$/, '') ?? local.baseUrl,
    autoLookup: policy.autoLookup ?? local.autoLookup,
  };
}

export function effectiveCredentials(stored: Credentials | undefined, policy: ManagedPolicy): Credentials | undefined {
  if (!policy.appid && !policy.secret) return stored;
  return { appid: policy.appid ?? stored?.appid ?? '', secret: policy.secret ?? stored?.secret ?? '' };
}

export function effectiveSites(local: string[], policy: ManagedPolicy): string[] {
  return [...new Set([...(policy.enabledSites ?? []), ...local])];
}

export function lockedFields(policy: ManagedPolicy): LockedField[] {
  return (Object.keys(policy) as LockedField[]).filter((key) => policy[key] !== undefined);
}
