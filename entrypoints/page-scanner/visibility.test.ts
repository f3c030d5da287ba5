// Whether the agent sees a text that a console fades in: seen while the fade is under way and ends soon,
// unseen when the page keeps it transparent. Chromium's style and animation answers are stood in for by
// small fakes here (no DOM lays anything out in Node); the page-scanner e2e story runs the real thing.
// Test-only.
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

interface FakeElement {
  opacity: number;
  parentElement: FakeElement | null;
  parentNode: FakeElement | null;
  ownerDocument: { getAnimations(): FakeAnimation[]; defaultView: { getComputedStyle(element: FakeElement): { opacity: string } } };
  checkVisibility(options: { opacityProperty?: boolean }): boolean;
  getBoundingClientRect(): { width: number; height: number; right: number; bottom: number };
}

/** A page of nested elements, each with its own opacity (animated or not), laid out in view. */
function page() {
  const animations: FakeAnimation[] = [];
  const document = { getAnimations: () => animations, defaultView: { getComputedStyle: (element: FakeElement) => ({ opacity: String(element.opacity) }) } };
  const transparentFromHere = (element: FakeElement | null): boolean => !!element && (element.opacity === 0 || transparentFromHere(element.parentElement));
  const element = (parent: FakeElement | null, opacity = 1): FakeElement => {
    const created: FakeElement = {
      opacity,
      parentElement: parent,
      parentNode: parent,
      ownerDocument: document,
      checkVisibility: (options) => !(options.opacityProperty && transparentFromHere(created)),
      getBoundingClientRect: () => ({ width: 300, height: 20, right: 320, bottom: 420 }),
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
