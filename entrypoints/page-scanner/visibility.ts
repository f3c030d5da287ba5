// Whether the agent can see a piece of the page: the one place the page scanner reads style and layout.
// Rendered (no display:none, visibility:hidden or opacity:0 on it or an ancestor), of some size, not
// clipped away by a container of no size (the "visually hidden" pattern), and not placed where no
// scrolling reaches. Scrolled out of view is still seen: the agent scrolls a chat log up to
// read what the visitor wrote earlier. A message a console fades in from opacity 0 is seen at once: the
// fade under way says so, without waiting for the page's frames to run it. Content-script only;
// dependency-free.

/** A box thinner than this holds nothing the agent can read (the 1×1 px "visually hidden" pattern). */
const MIN_SEEN_PX = 2;
const STYLE_CHECKS = { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true };
/** The same checks but for transparency, which a fade-in under way may be about to end. */
const RENDER_CHECKS = { checkVisibilityCSS: true, visibilityProperty: true };
/** A fade-in that ends within this long shows its text to the agent in a moment: it counts as seen now. */
export const FADE_IN_WITHIN_MS = 2_000;
/** Overflow that cuts off what lies outside the box, with no scrollbar for the agent to reach it. */
const CUTS_OFF = new Set(['hidden', 'clip']);
/** Positions under which `clip` applies. */
const PLACED_APART = new Set(['absolute', 'fixed']);
/** Displays whose box no overflow applies to: an inline box, or none at all. */
const NO_OVERFLOW_BOX = new Set(['inline', 'contents']);

/**
 * Whether an absolutely placed box's `clip` (computed: "rect(1px, 1px, 1px, 1px)", "auto" for an edge)
 * leaves less than MIN_SEEN_PX of it in either direction: the other half of "visually hidden".
 */
function clipShowsNothing(clip: string): boolean {
  const edges = /^rect\((.*)\)$/
    .exec(clip)?.[1]
    ?.split(/[\s,]+/)
    .map((edge) => (edge === 'auto' ? undefined : Number.parseFloat(edge)));
  if (edges?.length !== 4) return false;
  const [top, right, bottom, left] = edges;
  const narrow = (from?: number, to?: number) => from !== undefined && to !== undefined && to - from < MIN_SEEN_PX;
  return narrow(top, bottom) || narrow(left, right);
}

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
  /** Whether a container, or one it sits in, cuts off everything inside it: read once per task too. */
  const cutsOffAll = new Map<Element, boolean>();
  /** The elements a short fade-in is making opaque, read once per task like the scroll offsets. */
  let fadingIn: Set<Element> | undefined;
  let clearQueued = false;

  function forgetAtEndOfTask() {
    if (clearQueued) return;
    clearQueued = true;
    queueMicrotask(() => {
      scrolledAbove.clear();
      cutsOffAll.clear();
      fadingIn = undefined;
      clearQueued = false;
    });
  }

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
    forgetAtEndOfTask();
    return known;
  }

  /**
   * Whether `element` or a container of it shows nothing of what it holds: its overflow is cut off at a
   * size under MIN_SEEN_PX, or it is clipped to nothing. The element's own box may be wide: a container's decides.
   */
  function cutOff(element: Element): boolean {
    const view = element.ownerDocument.defaultView!;
    const unknown: Element[] = [];
    let known = false;
    for (let container: Element | null = element; container; container = containerOf(container)) {
      const remembered = cutsOffAll.get(container);
      if (remembered !== undefined) {
        known = remembered;
        break;
      }
      unknown.push(container);
    }
    // From the outermost container in: one that cuts off all hides everything inside it.
    for (let index = unknown.length - 1; index >= 0; index--) {
      const container = unknown[index]!;
      if (!known) {
        const style = view.getComputedStyle(container);
        const hasBox = !NO_OVERFLOW_BOX.has(style.display);
        const cutsX = hasBox && CUTS_OFF.has(style.overflowX);
        const cutsY = hasBox && CUTS_OFF.has(style.overflowY);
        const box = cutsX || cutsY ? container.getBoundingClientRect() : undefined;
        known =
          (cutsX && box!.width < MIN_SEEN_PX) || (cutsY && box!.height < MIN_SEEN_PX) || (PLACED_APART.has(style.position) && clipShowsNothing(style.clip));
      }
      cutsOffAll.set(container, known);
    }
    forgetAtEndOfTask();
    return known;
  }

  /**
   * Whether `element` is transparent only while fades-in under way end soon: every transparent element
   * from it up is the target of one. A page that keeps text transparent (no fade, a fade out, an endless
   * or far-off one) is still unseen.
   */
  function onlyFadingIn(element: Element): boolean {
    const document = element.ownerDocument;
    if (typeof document.getAnimations !== 'function' || !element.checkVisibility(RENDER_CHECKS)) return false;
    fadingIn ??= new Set(document.getAnimations().flatMap(fadeInTarget));
    forgetAtEndOfTask();
    if (fadingIn.size === 0) return false;
    const view = document.defaultView!;
    for (let current: Element | null = element; current; current = containerOf(current)) {
      if (Number(view.getComputedStyle(current).opacity) === 0 && !fadingIn.has(current)) return false;
    }
    return true;
  }

  return (element) => {
    if (typeof element.checkVisibility === 'function' && !element.checkVisibility(STYLE_CHECKS) && !onlyFadingIn(element)) return false;
    const box = element.getBoundingClientRect();
    if (box.width < MIN_SEEN_PX || box.height < MIN_SEEN_PX || cutOff(element)) return false;
    // Partly in view, or below or right of it: where the agent sees or scrolls to.
    if (box.right > 0 && box.bottom > 0) return true;
    // Above or left of the view: seen only if scrolling moved it there, not if it was placed there.
    const scrolled = scrolledBy(element);
    return box.right + scrolled.x > 0 && box.bottom + scrolled.y > 0;
  };
}

/**
 * The element an animation or transition is fading in, when it ends within FADE_IN_WITHIN_MS: it plays
 * forwards once, and its last frame sets an opacity above 0.
 */
function fadeInTarget(animation: Animation): Element[] {
  const effect = animation.effect as KeyframeEffect | null;
  // A fade of a ::before or ::after shows that box, not the element's own text.
  if (animation.playState !== 'running' || typeof effect?.getKeyframes !== 'function' || !effect.target || effect.pseudoElement) return [];
  const timing = effect.getComputedTiming();
  if (timing.direction !== 'normal' || !Number.isFinite(timing.endTime)) return [];
  const endsIn = Number(timing.endTime) - Number(timing.localTime ?? 0);
  if (endsIn > FADE_IN_WITHIN_MS) return [];
  const last = effect.getKeyframes().findLast((frame) => frame.opacity !== undefined && frame.opacity !== null);
  return last?.offset === 1 && Number(last.opacity) > 0 ? [effect.target] : [];
}
