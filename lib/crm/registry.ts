// Where backends are registered: one descriptor per backend (lib/crm/descriptor.ts), and all the
// extension derives from them: the backend kinds settings, messages and the admin's policy accept, the
// options form's choices and the hosts granted with the extension. Plain data, so every page, the build
// configuration and the background import it; the backends' code is loaded by lib/crm/connect.ts.
import type { BackendDescriptor } from './descriptor';
import { sobotDescriptor } from './sobot/descriptor';
import { useasyDescriptor } from './useasy/descriptor';

/** The backends the extension ships, the first being the one a fresh install starts with. */
export const SHIPPED_DESCRIPTORS = [sobotDescriptor, useasyDescriptor] as const;

export type BackendKind = (typeof SHIPPED_DESCRIPTORS)[number]['kind'];

/** Every kind, for schemas that accept only these (zod's enum wants a non-empty tuple). */
export const BACKEND_KINDS = SHIPPED_DESCRIPTORS.map((descriptor) => descriptor.kind) as [BackendKind, ...BackendKind[]];

export const DEFAULT_DESCRIPTOR = SHIPPED_DESCRIPTORS[0];

export interface Registry {
  readonly descriptors: readonly BackendDescriptor[];
  /** Undefined for a kind no backend is registered for (an old setting, a wrong policy value). */
  descriptorOf(kind: string): BackendDescriptor | undefined;
  /** Every backend's own hosts, in registration order: the extension's host permissions. */
  readonly hosts: readonly string[];
}

/** A registry of these descriptors; the extension uses the shipped one, a test may add its own backend. */
export function createRegistry(descriptors: readonly BackendDescriptor[]): Registry {
  const byKind = new Map(descriptors.map((descriptor) => [descriptor.kind, descriptor]));
  return {
    descriptors,
    descriptorOf: (kind) => byKind.get(kind),
    hosts: descriptors.flatMap((descriptor) => descriptor.hosts),
  };
}

export const registry = createRegistry(SHIPPED_DESCRIPTORS);

export function isBackendKind(value: unknown): value is BackendKind {
  return (BACKEND_KINDS as readonly unknown[]).includes(value);
}
