// Where backends are registered: one line per backend. Only the CRM session imports it.
import type { TokenStore } from '../auth/token-holder';
import type { BackendKind, CrmBackend } from './backend';
import { CrmError } from './errors';
import { createSobotBackend } from './sobot/backend';
import { createUseasyBackend } from './useasy/backend';
import { DEFAULT_RECIPE, recipeFromText } from './useasy/sign';

export interface BackendConnection {
  baseUrl: string;
  appid: string;
  secret: string;
  /** Useasy's signature recipe in its one-line text form; the documented default when absent. */
  signatureRecipe?: string;
}

export interface BackendDependencies {
  tokenStore: TokenStore;
  fetch?: typeof fetch;
}

function recipeOf(text: string | undefined) {
  if (!text) return DEFAULT_RECIPE;
  try {
    return recipeFromText(text);
  } catch (error) {
    throw new CrmError('invalid-input', error instanceof Error ? error.message : 'The signature recipe is not valid.');
  }
}

const factories: Record<BackendKind, ((connection: BackendConnection, deps: BackendDependencies) => CrmBackend) | undefined> = {
  sobot: (connection, deps) => createSobotBackend({ ...connection, appKey: connection.secret, ...deps }),
  useasy: (connection, deps) =>
    createUseasyBackend({
      ...connection,
      recipe: recipeOf(connection.signatureRecipe),
      fetch: deps.fetch,
    }),
};

export function createBackend(kind: BackendKind, connection: BackendConnection, deps: BackendDependencies): CrmBackend {
  const factory = factories[kind];
  if (!factory) throw new Error(`No CRM backend is registered for ${kind}.`);
  return factory(connection, deps);
}
