// The one "Undo" the panel offers at a time: after a label click or a stage move, for a few seconds, in a
// toast at the panel's edge where it pushes no content. The write models offer it; the panel's glue
// shows it. Invariant: taking an offer back queues its inverse once, and a newer offer replaces it.
import { signal } from '@preact/signals';
import { ownedModel } from '@/lib/signals/owned-model';

/** How long "Undo" stays offered after a click. */
export const UNDO_MS = 6_000;

export type UndoOffer = { customerId: string; takeBack: () => void } & (
  | { kind: 'labels'; added: boolean; name: string }
  | { kind: 'stage'; stageName: string }
);

export function createUndoModel() {
  return ownedModel((own) => {
    const undoOffer = signal<UndoOffer | undefined>(undefined);
    let expiry: ReturnType<typeof setTimeout> | undefined;
    own.onDispose(() => clearTimeout(expiry));

    function offerUndo(offer: UndoOffer) {
      undoOffer.value = offer;
      clearTimeout(expiry);
      expiry = setTimeout(() => {
        if (undoOffer.peek() === offer) undoOffer.value = undefined;
      }, UNDO_MS);
    }

    /** Takes back what the offer was about, when it is still offered (of `kind`, if given). */
    function takeBack(kind?: UndoOffer['kind']) {
      const offer = undoOffer.value;
      if (!offer || (kind && offer.kind !== kind)) return;
      undoOffer.value = undefined;
      clearTimeout(expiry);
      offer.takeBack();
    }

    function withdrawUndo() {
      undoOffer.value = undefined;
      clearTimeout(expiry);
    }
    return { undoOffer, offerUndo, takeBack, withdrawUndo };
  });
}

export type UndoModel = ReturnType<typeof createUndoModel>;
