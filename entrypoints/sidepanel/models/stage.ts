// The current stage (and, from the same timeline read, the newest note) of each customer shown, fetched after the card is on screen so the card never
// waits for the timeline. Each request names the card's update time, so the background can answer a
// stage it read for that same version of the customer without asking the CRM again. Only the newest
// request per customer may change its state.
import { signal } from '@preact/signals';
import type { NoteSummary, Stage, StageResult } from '@/lib/crm/domain';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import { ownedModel } from '@/lib/signals/owned-model';
import type { LookupModel } from './lookup';

export type StageState =
  | { status: 'loading' }
  /** `readAt`: when the CRM's timeline was read, which is before this request when the stage was remembered. */
  | { status: 'loaded'; stage: Stage | null; result?: StageResult; readAt?: number; latestNote?: NoteSummary | null }
  | { status: 'error'; error: RequestError };

export function createStageModel({ client, lookup: { lookupState } }: { client: Client; lookup: Pick<LookupModel, 'lookupState'> }) {
  return ownedModel((own) => {
    const stages = signal<Record<string, StageState>>({});
    const latestRequest = new Map<string, number>();

    /** Reads the customer's stage; without `updatedAt` (the card's update time) the CRM is always asked. */
    async function loadStage(customerId: string, updatedAt?: number) {
      const mine = (latestRequest.get(customerId) ?? 0) + 1;
      latestRequest.set(customerId, mine);
      // A newer version of the customer (a colleague's change, the agent's own write) keeps the stage and
      // note it showed until the CRM answers: the card's note line and the stepper never blink out and back.
      if (stages.peek()[customerId]?.status !== 'loaded') stages.value = { ...stages.value, [customerId]: { status: 'loading' } };
      let state: StageState;
      try {
        const { stage, result, readAt, latestNote } = await client.request(
          'customer.stage',
          updatedAt === undefined ? { customerId } : { customerId, updatedAt },
        );
        state = { status: 'loaded', stage, result, readAt, latestNote };
      } catch (error) {
        state = { status: 'error', error: toRequestError(error) };
      }
      if (latestRequest.get(customerId) === mine) stages.value = { ...stages.value, [customerId]: state };
    }

    // Fetches the stage of the customer on screen: again when another version of them is shown (the CRM's
    // update time moved), not on every re-render or when only what is around the card changed.
    let shownVersion: string | undefined;
    own.effect(() => {
      const state = lookupState.value;
      if (state.status !== 'found' || !state.selectedId) return;
      const card = state.cards.find((candidate) => candidate.customer.id === state.selectedId);
      const version = `${state.selectedId}|${card?.customer.updatedAt ?? ''}`;
      const changed = version !== shownVersion;
      shownVersion = version;
      if (changed || !stages.peek()[state.selectedId]) void loadStage(state.selectedId, card?.customer.updatedAt);
    });
    return { stages, loadStage };
  });
}

export type StageModel = ReturnType<typeof createStageModel>;
