// Builds a Useasy backend from a saved connection, signing as its recipe says (the documented default
// when none is set). Useasy issues no token, so the token store goes unused.
import type { BackendFactory } from '../backend';
import { CrmError } from '../errors';
import { createUseasyBackend } from './backend';
import { DEFAULT_RECIPE, recipeFromText } from './recipe';

function recipeOf(text: string | undefined) {
  if (!text) return DEFAULT_RECIPE;
  try {
    return recipeFromText(text);
  } catch (error) {
    throw new CrmError('invalid-input', error instanceof Error ? error.message : 'The signature recipe is not valid.');
  }
}

export const connectUseasy: BackendFactory = (connection, deps) =>
  createUseasyBackend({ ...connection, recipe: recipeOf(connection.signatureRecipe), fetch: deps.fetch });
