// The current stage of each customer shown, fetched after the card is on screen so the card never
// waits for the timeline.
import { effect, signal } from '@preact/signals';
import type { Stage } from '@/lib/crm/domain';
import { request, RequestError } from '@/lib/messaging/client';
import { lookupState } from './lookup';

export type StageState = { status: 'loading' } | { status: 'loaded'; stage: Stage | null } | { status: 'error'; error: RequestError };

export const stages = signal<Record<string, StageState>>({});

export async function loadStage(customerId: string) {
  stages.value = { ...stages.value, [customerId]: { status: 'loading' } };
  try {
    const { stage } = await request('customer.stage', { customerId });
    stages.value = { ...stages.value, [customerId]: { status: 'loaded', stage } };
  } catch (error) {
    const failure = error instanceof RequestError ? error : new RequestError('internal', String(error));
    stages.value = { ...stages.value, [customerId]: { status: 'error', error: failure } };
  }
}

/** Fetches the stage of the customer on screen: again after each new lookup, not on every re-render. */
export function startLoadingStages() {
  let seenCards: unknown;
  effect(() => {
    const state = lookupState.value;
    if (state.status !== 'found' || !state.selectedId) return;
    const freshLookup = state.cards !== seenCards;
    seenCards = state.cards;
    if (freshLookup || !stages.peek()[state.selectedId]) void loadStage(state.selectedId);
  });
}
