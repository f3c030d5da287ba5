// A confirmation belongs to the customer it was opened for. Should that customer leave the screen while
// it is open (the agent opened another contact), it is cancelled and the panel says so, rather than left
// to be confirmed on whoever is shown now. The panel's glue shows `cancelledConfirmation`.
import { effect, signal } from '@preact/signals';
import { lookupState } from './lookup';
import { pendingAction } from './ownership';
import { pendingResult } from './stage-stepper';

/** The name of the customer whose confirmation was cancelled ('' when unknown), until the agent closes the notice. */
export const cancelledConfirmation = signal<string | undefined>(undefined);

export function startGuardingConfirmations() {
  effect(() => {
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
}
