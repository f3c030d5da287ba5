// Roving tabindex: a group of buttons (contact chips, label toggles) is one Tab stop, and the arrow keys,
// Home and End move inside it. Components only.
import { useState } from 'preact/hooks';

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Moves focus among the group's `selector` elements; put it on the group's keydown. */
export function moveRovingFocus(event: KeyboardEvent, selector: string) {
  const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(selector)];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : STEPS[event.key] !== undefined
          ? (index + STEPS[event.key]! + items.length) % items.length
          : undefined;
  if (next === undefined) return;
  event.preventDefault();
  items[next]!.focus();
}

/**
 * Which item of a group is its Tab stop: the one focused last, else `preferred` (the active contact),
 * else the first. `tabIndexOf(key)` is 0 for that one and -1 for the rest; `onFocusOf(key)` remembers it.
 */
export function useRovingStop(keys: string[], preferred?: string) {
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const stop = focused !== undefined && keys.includes(focused) ? focused : preferred !== undefined && keys.includes(preferred) ? preferred : keys[0];
  return {
    tabIndexOf: (key: string) => (key === stop ? 0 : -1),
    onFocusOf: (key: string) => () => setFocused(key),
  };
}
