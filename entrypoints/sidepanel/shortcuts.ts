// The panel's single-key shortcuts, active while focus is not in a text field: which key means which
// intent, the list shown under "?", and the hook the "new contact" offer registers its accept action
// with. The panel's glue (App.tsx) runs the intents; this module only reads keys.

export type ShortcutIntent =
  | { kind: 'focus-note' }
  | { kind: 'open-labels' }
  | { kind: 'set-stage'; index: number }
  | { kind: 'contact'; step: 1 | -1 }
  | { kind: 'accept-new-contact' }
  | { kind: 'undo' }
  | { kind: 'help' };

/** What the shortcut list shows, in order: the keys and the message naming what they do. */
export const SHORTCUT_LIST = [
  { keys: ['N'], what: 'shortcutNote' },
  { keys: ['L'], what: 'shortcutLabels' },
  { keys: ['1', '…', '9'], what: 'shortcutStage' },
  { keys: ['J', 'K'], what: 'shortcutContacts' },
  { keys: ['S'], what: 'shortcutAcceptContact' },
  { keys: ['/'], what: 'shortcutSearch' },
  { keys: ['Ctrl', 'Z'], what: 'shortcutUndo' },
  { keys: ['Ctrl', 'Enter'], what: 'shortcutSend' },
  { keys: ['?'], what: 'shortcutHelp' },
] as const;

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(target.type));
}

/** The intent of a key press, or undefined when it is the page's (typing, a modified key, a held key). */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'target' | 'isComposing'>): ShortcutIntent | undefined {
  if (event.isComposing || event.repeat || typingIn(event.target)) return undefined;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z') return { kind: 'undo' };
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (/^[1-9]$/.test(event.key)) return { kind: 'set-stage', index: Number(event.key) - 1 };
  switch (event.key) {
    case 'n':
    case 'N':
      return { kind: 'focus-note' };
    case 'l':
    case 'L':
      return { kind: 'open-labels' };
    case 'j':
    case 'J':
      return { kind: 'contact', step: 1 };
    case 'k':
    case 'K':
      return { kind: 'contact', step: -1 };
    case 's':
    case 'S':
      return { kind: 'accept-new-contact' };
    case '?':
      return { kind: 'help' };
    default:
      return undefined;
  }
}

let acceptNewContact: (() => boolean) | undefined;

/**
 * The "new contact" offer registers how to accept it while it is shown (and undefined once it is gone);
 * S then accepts it. The handler says whether there was anything to accept.
 */
export function setNewContactAcceptor(accept: (() => boolean) | undefined) {
  acceptNewContact = accept;
}

export function acceptOfferedContact(): boolean {
  return acceptNewContact?.() ?? false;
}
