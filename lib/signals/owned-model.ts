// A model made by a factory owns what it started — effects, listeners, timers — and `dispose()` stops
// all of it, so a page (or a test) can make a fresh one and drop it without anything left running.
// @preact/signals' own createModel wraps every function of a model in an untracked action, which would
// stop a component from re-rendering on what a query such as `shownLabels(id)` reads; hence this one.
import { effect } from '@preact/signals';

export interface Owner {
  /** An effect that lives as long as the model. */
  effect(fn: () => unknown): void;
  /** Runs when the model is disposed; at once if it already was (a listener added after an await). */
  onDispose(cleanup: () => void): void;
}

export interface Disposable {
  dispose(): void;
}

export function ownedModel<T extends object>(build: (own: Owner) => T): T & Disposable {
  const cleanups: (() => void)[] = [];
  let disposed = false;
  const own: Owner = {
    effect: (fn) => own.onDispose(effect(fn as () => void)),
    onDispose: (cleanup) => (disposed ? cleanup() : cleanups.push(cleanup)),
  };
  const model = build(own);
  return Object.assign(model, {
    dispose() {
      disposed = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  });
}
