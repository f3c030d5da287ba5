// Builds the backend a connection names. The backends' code is heavy (wire schemas, signing), so it is
// registered here, apart from the descriptors in lib/crm/registry.ts that every page loads: one factory
// per registered kind, which the type below holds to. Only the CRM session imports it.
import type { BackendConnection, BackendDependencies, BackendFactory, CrmBackend } from './backend';
import type { BackendKind } from './registry';
import { connectSobot } from './sobot/connect';
import { sobotDescriptor } from './sobot/descriptor';
import { connectUseasy } from './useasy/connect';
import { useasyDescriptor } from './useasy/descriptor';

export type { BackendConnection, BackendDependencies };

export interface Backends {
  create(kind: string, connection: BackendConnection, deps: BackendDependencies): CrmBackend;
}

/** Backends built by these factories, by kind; the extension uses the shipped ones, a test may add its own. */
export function createBackends(factories: Readonly<Record<string, BackendFactory>>): Backends {
  return {
    create(kind, connection, deps) {
      if (!Object.hasOwn(factories, kind)) throw new Error(`No CRM backend is registered for ${kind}.`);
      return factories[kind]!(connection, deps);
    },
  };
}

export const SHIPPED_FACTORIES: Record<BackendKind, BackendFactory> = { [sobotDescriptor.kind]: connectSobot, [useasyDescriptor.kind]: connectUseasy };

const shipped = createBackends(SHIPPED_FACTORIES);

export const createBackend = (kind: BackendKind, connection: BackendConnection, deps: BackendDependencies) => shipped.create(kind, connection, deps);
