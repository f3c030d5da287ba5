// Where backends are registered: one line per backend. Only the CRM session imports it.
import type { TokenStore } from '../auth/token-holder';
import type { BackendKind, CrmBackend } from './backend';
import { createSobotBackend } from './sobot/backend';

export interface BackendConnection {
  baseUrl: string;
  appid: string;
  secret: string;
}

export interface BackendDependencies {
  tokenStore: TokenStore;
  fetch?: typeof fetch;
}

const factories: Record<BackendKind, ((connection: BackendConnection, deps: BackendDependencies) => CrmBackend) | undefined> = {
  sobot: (connection, deps) => createSobotBackend({ ...connection, appKey: connection.secret, ...deps }),
  useasy: undefined,
};

export function isSupportedBackend(kind: BackendKind): boolean {
  return factories[kind] !== undefined;
}

export function createBackend(kind: BackendKind, connection: BackendConnection, deps: BackendDependencies): CrmBackend {
  const factory = factories[kind];
  if (!factory) throw new Error(`No CRM backend is registered for ${kind}.`);
  return factory(connection, deps);
}
