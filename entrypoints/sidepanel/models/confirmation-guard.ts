// A confirmation belongs to the customer it was opened for. Should that customer leave the screen while
// it is open (the agent opened another contact), it is cancelled and the panel says so, rather than left
// to be confirmed on whoever is shown now. The panel's glue shows `cancelledConfirmation`.
import { signal } from '@preact/signals';
import { ownedModel } from '@/lib/signals/owned-model';
import type { LookupModel } from './lookup';
import type { OwnershipModel } from './ownership';
import type { StageStepperModel } from './stage-stepper';

export interface ConfirmationGuardDeps {
  lookup: Pick<LookupModel, 'lookupState'>;
  ownership: Pick<OwnershipModel, 'pendingAction'>;
  stepper: Pick<StageStepperModel, 'pendingResult'>;
}

export function createConfirmationGuard({ lookup: { lookupState }, ownership: { pendingAction }, stepper: { pendingResult } }: ConfirmationGuardDeps) {
  return ownedModel((own) => {
    /** The name of the customer whose confirmation was cancelled ('' when unknown), until the agent closes the notice. */
    const cancelledConfirmation = signal<string | undefined>(undefined);

    own.effect(() => {
      const state = lookupState.value;
      const onScreen = state.status === 'found' ? state.selectedId : undefined;
      const ownership = pendingAction.value;
      const result = pendingResult.value;
      if (ownership && ownership.customerId !== onScreen) {
        pendingAction.value = undefined;
        cancelledConfirmation.value = ownership.customerName;
      }
      if (result && result.customerId !== onScreen) {
        pendingResult.value = undefined;
        cancelledConfirmation.value = '';
      }
    });
    return { cancelledConfirmation };
  });
}

export type ConfirmationGuard = ReturnType<typeof createConfirmationGuard>;
