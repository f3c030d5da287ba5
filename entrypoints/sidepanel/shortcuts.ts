// The panel's shortcuts: single keys, active while focus is not in a text field, and Alt+N, which takes
// the offered new contact from anywhere in the panel, the note being typed included. Which key means
// which intent, and the list shown under "?". run-shortcuts.ts runs the intents; this module only reads keys.

export type ShortcutIntent =
  | { kind: 'focus-note' }
  | { kind: 'open-labels' }
  | { kind: 'apply-suggestion' }
  | { kind: 'set-stage'; index: number }
  | { kind: 'contact'; step: 1 | -1 }
  | { kind: 'accept-new-contact' }
  | { kind: 'undo' }
  | { kind: 'help' };

/** What the shortcut list shows, in order: the keys and the message naming what they do. */
export const SHORTCUT_LIST = [
  { keys: ['N'], what: 'shortcutNote' },
  { keys: ['L'], what: 'shortcutLabels' },
  { keys: ['A'], what: 'shortcutSuggestion' },
  { keys: ['1', '…', '9'], what: 'shortcutStage' },
  { keys: ['J', 'K'], what: 'shortcutContacts' },
  { keys: ['S'], what: 'shortcutAcceptContact' },
  { keys: ['Alt', 'N'], what: 'shortcutAcceptContactTyping' },
  { keys: ['/'], what: 'shortcutSearch' },
  { keys: ['Ctrl', 'Z'], what: 'shortcutUndo' },
  { keys: ['Ctrl', 'Enter'], what: 'shortcutSend' },
  { keys: ['?'], what: 'shortcutHelp' },
] as const;

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(target.type))
  );
}

/** The intent of a key press, or undefined when it is the page's (typing, a modified key, a held key). */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'repeat' | 'target' | 'isComposing'>,
): ShortcutIntent | undefined {
  if (event.isComposing || event.repeat) return undefined;
  // By the key's place, not its character: Option+N types a dead key on a Mac.
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyN') return { kind: 'accept-new-contact' };
  if (typingIn(event.target)) return undefined;
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
    case 'a':
    case 'A':
      return { kind: 'apply-suggestion' };
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
