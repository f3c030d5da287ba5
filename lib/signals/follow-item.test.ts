// Following a storage item: the first read, then each change, and nothing once the model is gone; a first
// read slower than a change never puts the older value back. Test-only.
import { describe, expect, it } from 'vitest';
import { followItem, type FollowedItem } from './follow-item';
import { ownedModel } from './owned-model';

/** An item whose first read answers when the test says, and whose changes the test makes. */
function slowItem(stored: string) {
  const watchers = new Set<(value: string) => void>();
  let answerRead: () => void = () => undefined;
  const item: FollowedItem<string> = {
    // The value as it was when read, answered later.
    getValue() {
      const read = stored;
      return new Promise((resolve) => (answerRead = () => resolve(read)));
    },
    watch(callback) {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
  };
  return {
    item,
    answerRead: () => answerRead(),
    change(value: string) {
      stored = value;
      for (const watcher of watchers) watcher(value);
    },
    watching: () => watchers.size,
  };
}

function follower(item: FollowedItem<string>) {
  const received: string[] = [];
  const model = ownedModel((own) => {
    followItem(own, item, (value) => received.push(value));
    return {};
  });
  return { received, model };
}

describe('following a storage item', () => {
  it('gives the stored value, then each change', async () => {
    const storage = slowItem('one');
    const { received } = follower(storage.item);
    storage.answerRead();
    await Promise.resolve();
    storage.change('two');
    expect(received).toEqual(['one', 'two']);
  });

  it('drops a first read that lands after a change: the change is newer', async () => {
    const storage = slowItem('old');
    const { received } = follower(storage.item);
    storage.change('new');
    storage.answerRead();
    await Promise.resolve();
    expect(received).toEqual(['new']);
  });

  it('stops following once the model is disposed', () => {
    const storage = slowItem('one');
    const { received, model } = follower(storage.item);
    model.dispose();
    storage.change('two');
    expect(storage.watching()).toBe(0);
    expect(received).toEqual([]);
  });
});
