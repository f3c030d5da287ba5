// Focus for an element that appears because the agent asked for it: a confirmation, a name to type.
// The autofocus attribute does not do this: the browser honours it once per page, and not while
// something else has focus — as the button the agent just pressed does. When the element goes, focus
// goes back to that button, so a keyboard user is not dropped at the top of the panel. Components only.
import { useEffect, useRef } from 'preact/hooks';

/** A ref whose element takes focus when it first appears, and gives it back when it goes. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => {
      // After the element is gone: focus left with it only if nothing else took it meanwhile.
      setTimeout(() => {
        const now = document.activeElement;
        if ((now === null || now === document.body) && before?.isConnected) before.focus();
      });
    };
  }, []);
  return ref;
}
