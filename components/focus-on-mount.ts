// Focus for an element that appears because the agent asked for it: a confirmation, a name to type, a
// form. The autofocus attribute does not do this: the browser honours it once per page, and not while
// something else has focus — as the button the agent just pressed does. When the element goes, focus
// goes back to that button, or, when the button was re-rendered meanwhile, to its successor, so a
// keyboard user is not dropped at the top of the panel. Components only.
import { useEffect, useRef } from 'preact/hooks';

export interface FocusOnMountOptions<T> {
  /** What inside the element takes focus (its first field, say); the element itself by default. */
  focus?: (element: T) => HTMLElement | null | undefined;
  /** Where focus goes back when the control that opened the element is no longer in the page. */
  returnTo?: () => HTMLElement | null | undefined;
}

/** A ref whose element takes focus when it first appears, and gives it back when it goes. */
export function useFocusOnMount<T extends HTMLElement>(options: FocusOnMountOptions<T> = {}) {
  const ref = useRef<T>(null);
  const returnTo = useRef(options.returnTo);
  returnTo.current = options.returnTo;
  useEffect(() => {
    const active = document.activeElement;
    const before = active instanceof HTMLElement && active !== document.body ? active : null;
    if (ref.current) (options.focus?.(ref.current) ?? ref.current).focus();
    return () => {
      // After the element is gone: focus left with it only if nothing else took it meanwhile.
      setTimeout(() => {
        const now = document.activeElement;
        if (now !== null && now !== document.body) return;
        (before?.isConnected ? before : returnTo.current?.())?.focus();
      });
    };
  }, []);
  return ref;
}
