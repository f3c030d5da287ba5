// A model's view of a storage item another part of the extension writes: read once, then followed as it
// changes, for as long as the model lives. The first read can land after a change was already seen; it
// is older then, and dropped.
import type { Owner } from './owned-model';

/** The two calls of a WXT storage item this needs. */
export interface FollowedItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/** Calls `receive` with the item's value now and at each change until the model is disposed. */
export function followItem<T>(own: Owner, item: FollowedItem<T>, receive: (value: T) => void): void {
  let changed = false;
  own.onDispose(
    item.watch((value) => {
      changed = true;
      receive(value);
    }),
  );
  void item.getValue().then(
    (value) => changed || receive(value),
    () => undefined,
  );
}
