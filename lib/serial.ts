// Runs async read-modify-write steps one after another, so two of them never interleave and lose an
// update (storage has no transactions). Used by the background around each shared storage record.

export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serially<T>(step: () => Promise<T>): Promise<T> {
    const result = tail.then(step, step);
    // The queue continues after a failed step; the failure still reaches this step's caller.
    tail = result.catch(() => undefined);
    return result;
  };
}
