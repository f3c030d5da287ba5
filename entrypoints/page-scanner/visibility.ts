// Whether the agent can see a piece of the page: the one place the page scanner reads style and layout.
// Rendered (no display:none, visibility:hidden or opacity:0 on it or an ancestor), of some size, and not
// placed where no scrolling reaches. Scrolled out of view is still seen: the agent scrolls a chat log up to
// read what the visitor wrote earlier. Content-script only; dependency-free.

/** A box thinner than this holds nothing the agent can read (the 1×1 px "visually hidden" pattern). */
const MIN_SEEN_PX = 2;
const STYLE_CHECKS = { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true };

interface Scrolled {
  x: number;
  y: number;
}

/** The element a node's box sits in: its parent, or the host of the shadow root it is the top of. */
const containerOf = (element: Element): Element | null => element.parentElement ?? (element.parentNode as Partial<ShadowRoot> | null)?.host ?? null;

/**
 * A check of whether the agent sees an element. How far each container has scrolled is remembered until
 * the current task ends (nothing can scroll in between), so the thousands of messages of one chat log
 * read the log's scroll position once.
 */
export function createSeenCheck(): (element: Element) => boolean {
  const scrolledAbove = new Map<Element, Scrolled>();
  let clearQueued = false;

  /** How far scrolling has moved `element`'s box up and left: the sum of its containers' scroll offsets. */
  function scrolledBy(element: Element): Scrolled {
    const unknown: Element[] = [];
    let known: Scrolled = { x: 0, y: 0 };
    for (let container = containerOf(element); container; container = containerOf(container)) {
      const remembered = scrolledAbove.get(container);
      if (remembered) {
        known = remembered;
        break;
      }
      unknown.push(container);
    }
    // From the outermost container in: each adds its own scroll to what moves it.
    for (let index = unknown.length - 1; index >= 0; index--) {
      const container = unknown[index]!;
      // A right-to-left container scrolls into negative offsets: the distance is what counts.
      known = { x: known.x + Math.abs(container.scrollLeft), y: known.y + container.scrollTop };
      scrolledAbove.set(container, known);
    }
    if (!clearQueued) {
      clearQueued = true;
      queueMicrotask(() => {
        scrolledAbove.clear();
        clearQueued = false;
      });
    }
    return known;
  }

  return (element) => {
    if (typeof element.checkVisibility === 'function' && !element.checkVisibility(STYLE_CHECKS)) return false;
    const box = element.getBoundingClientRect();
    if (box.width < MIN_SEEN_PX || box.height < MIN_SEEN_PX) return false;
    // Partly in view, or below or right of it: where the agent sees or scrolls to.
    if (box.right > 0 && box.bottom > 0) return true;
    // Above or left of the view: seen only if scrolling moved it there, not if it was placed there.
    const scrolled = scrolledBy(element);
    return box.right + scrolled.x > 0 && box.bottom + scrolled.y > 0;
  };
}
