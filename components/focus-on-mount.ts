// Focus for an element that appears because the agent asked for it: a confirmation, a name to type.
// The autofocus attribute does not do this: the browser honours it once per page, and not while
// something else has focus — as the button the agent just pressed does. Components only.
import { useEffect, useRef } from 'preact/hooks';

/** A ref whose element takes focus once, when it first appears. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
