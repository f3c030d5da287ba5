// Keys the panel answers from anywhere in it: Alt+N takes the offered new contact. Reads models only.
import { switchToOffer, tabLookup } from './lookup';

export function startShortcuts(doc: Document = document) {
  doc.addEventListener('keydown', (event) => {
    // By the key's place, not its character: Option+N types a dead key on a Mac.
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyN' && tabLookup.value.offer) {
      event.preventDefault();
      switchToOffer();
    }
  });
}
