// Whether the agent sees a text that a console fades in (seen while the fade is under way and ends soon,
// unseen when the page keeps it transparent), or that a page tucks into a box of no size (the "visually
// hidden" pattern). Chromium's style, layout and animation answers are stood in for by small fakes here
// (no DOM lays anything out in Node); the pinned-customer e2e stories run the real thing. Test-only.
import { describe, expect, it } from 'vitest';
import { createSeenCheck, FADE_IN_WITHIN_MS } from './visibility';

interface FakeAnimation {
  playState: string;
  effect: {
    target: FakeElement;
    pseudoElement: string | null;
    getComputedTiming(): { direction: string; endTime: number; localTime: number | null };
    getKeyframes(): { offset: number; opacity?: string }[];
  };
}

interface FakeStyle {
  opacity: string;
  overflowX: string;
  overflowY: string;
  display: string;
  position: string;
  clip: string;
}

type Box = { width: number; height: number; right: number; bottom: number };

interface FakeElement {
  opacity: number;
  style: Partial<FakeStyle>;
  box: Box;
  parentElement: FakeElement | null;
  parentNode: FakeElement | null;
  ownerDocument: { getAnimations(): FakeAnimation[]; defaultView: { getComputedStyle(element: FakeElement): FakeStyle } };
  checkVisibility(options: { opacityProperty?: boolean }): boolean;
  getBoundingClientRect(): Box;
}

const IN_VIEW: Box = { width: 300, height: 20, right: 320, bottom: 420 };

/** A page of nested elements, each with its own opacity (animated or not), laid out in view. */
function page() {
  const animations: FakeAnimation[] = [];
  const computed = (element: FakeElement): FakeStyle => ({
    overflowX: 'visible',
    overflowY: 'visible',
    display: 'block',
    position: 'static',
    clip: 'auto',
    ...element.style,
    opacity: String(element.opacity),
  });
  const document = { getAnimations: () => animations, defaultView: { getComputedStyle: computed } };
  const transparentFromHere = (element: FakeElement | null): boolean => !!element && (element.opacity === 0 || transparentFromHere(element.parentElement));
  const element = (parent: FakeElement | null, opacity = 1, style: Partial<FakeStyle> = {}, box = IN_VIEW): FakeElement => {
    const created: FakeElement = {
      opacity,
      style,
      box,
      parentElement: parent,
      parentNode: parent,
      ownerDocument: document,
      checkVisibility: (options) => !(options.opacityProperty && transparentFromHere(created)),
      getBoundingClientRect: () => created.box,
    };
    return created;
  };
  /** A forward, single-run opacity animation on `target`, `localTime` ms into its `endTime`. */
  const animate = (
    target: FakeElement,
    keyframes: string[],
    timing: { endTime?: number; localTime?: number | null; direction?: string } = {},
    more: Partial<FakeAnimation> = {},
  ) => {
    animations.push({
      playState: 'running',
      effect: {
        target,
        pseudoElement: null,
        getComputedTiming: () => ({
          direction: timing.direction ?? 'normal',
          endTime: timing.endTime ?? 450,
          localTime: timing.localTime === undefined ? 0 : timing.localTime,
        }),
        getKeyframes: () => keyframes.map((opacity, index) => ({ offset: index / (keyframes.length - 1), opacity })),
      },
      ...more,
    });
  };
  const log = element(null);
  return { log, element, animate };
}

const seen = (element: FakeElement) => createSeenCheck()(element as unknown as Element);

describe('the seen check, for a text a console fades in', () => {
  it('counts a message fading in from opacity 0 as seen while it is still transparent', () => {
    const { log, element, animate } = page();
    const message = element(log, 0);
    const text = element(message);
    animate(message, ['0', '1'], { endTime: 450, localTime: 0 });
    expect(seen(text)).toBe(true);
  });

  it('counts a fade under way by a CSS transition, not yet started (no time of its own), as seen', () => {
    const { log, element, animate } = page();
    const message = element(log, 0);
    animate(message, ['0', '0.8'], { endTime: 300, localTime: null });
    expect(seen(message)).toBe(true);
  });

  it('keeps a transparent text with no fade unseen', () => {
    const { log, element } = page();
    expect(seen(element(element(log, 0)))).toBe(false);
  });

  it('keeps a text unseen that the page fades out, fades in far in the future, fades forever or plays backwards', () => {
    const { log, element, animate } = page();
    const fadingOut = element(log, 0);
    animate(fadingOut, ['1', '0']);
    const farOff = element(log, 0);
    animate(farOff, ['0', '1'], { endTime: FADE_IN_WITHIN_MS + 1_000, localTime: 0 });
    const endless = element(log, 0);
    animate(endless, ['0', '1'], { endTime: Number.POSITIVE_INFINITY });
    const backwards = element(log, 0);
    animate(backwards, ['0', '1'], { direction: 'reverse' });
    for (const message of [fadingOut, farOff, endless, backwards]) expect(seen(element(message))).toBe(false);
  });

  it('keeps a fading message unseen inside a container the page keeps transparent', () => {
    const { log, element, animate } = page();
    const container = element(log, 0);
    const message = element(container, 0);
    animate(message, ['0', '1']);
    expect(seen(element(message))).toBe(false);
  });

  it('keeps a text unseen when the fade is paused, or shows only its ::before box', () => {
    const { log, element, animate } = page();
    const paused = element(log, 0);
    animate(paused, ['0', '1'], {}, { playState: 'paused' });
    const decorated = element(log, 0);
    animate(decorated, ['0', '1']);
    const animation = decorated.ownerDocument.getAnimations().at(-1)!;
    animation.effect.pseudoElement = '::before';
    expect(seen(element(paused))).toBe(false);
    expect(seen(element(decorated))).toBe(false);
  });
});

describe('the seen check, for a text tucked into a box of no size', () => {
  const tiny: Box = { width: 1, height: 1, right: 1, bottom: 1 };

  it('keeps a wide text unseen inside a 1×1 px box that cuts off its overflow', () => {
    const { log, element } = page();
    const tuckedAway = element(log, 1, { overflowX: 'hidden', overflowY: 'hidden', position: 'absolute' }, tiny);
    expect(seen(element(element(tuckedAway)))).toBe(false);
  });

  it('keeps a text unseen whose box, or a container of it, is clipped to nothing', () => {
    const { log, element } = page();
    expect(seen(element(log, 1, { position: 'absolute', clip: 'rect(0px, 0px, 0px, 0px)' }))).toBe(false);
    const clipped = element(log, 1, { position: 'fixed', clip: 'rect(1px, 1px, 1px, 1px)' });
    expect(seen(element(clipped))).toBe(false);
  });

  it('sees a text in a thin box that lets it overflow, in a box cut off only across, and under a clip that shows it', () => {
    const { log, element } = page();
    expect(seen(element(element(log, 1, {}, tiny)))).toBe(true);
    expect(seen(element(element(log, 1, { overflowX: 'hidden' }, { width: 300, height: 1, right: 320, bottom: 401 })))).toBe(true);
    expect(seen(element(element(log, 1, { position: 'absolute', clip: 'rect(0px, 300px, 20px, auto)' })))).toBe(true);
    // A clip on a box it does not apply to (not absolutely placed) changes nothing.
    expect(seen(element(element(log, 1, { clip: 'rect(0px, 0px, 0px, 0px)' })))).toBe(true);
  });

  it('sees a text whose inline or box-less container reports no size', () => {
    const { log, element } = page();
    expect(seen(element(element(log, 1, { display: 'contents', overflowX: 'hidden', overflowY: 'hidden' }, tiny)))).toBe(true);
  });
});
