import { describe, expect, it } from 'vitest';
import { createChoiceMemory } from './choice-memory';

function memoryStore() {
  const records = new Map<string, unknown>();
  return {
    records,
    get: async <T>(key: string) => structuredClone(records.get(key)) as T | undefined,
    put: async (key: string, value: unknown) => void records.set(key, structuredClone(value)),
  };
}

const A = 'sobot|https://crm.example|app-1';
const B = 'sobot|https://other.example|app-1';
const phone = (n: number) => ({ kind: 'phone' as const, value: `+86138000${String(n).padStart(5, '0')}` });

describe('the memory of which customer the agent chose for a contact', () => {
  it('recalls the customer chosen for a contact, and survives a new memory over the same store (a worker restart)', async () => {
    const store = memoryStore();
    await createChoiceMemory(store).remember(A, phone(1), 'c-42');
    const restarted = createChoiceMemory(store);
    expect(await restarted.recall(A, phone(1))).toBe('c-42');
    expect(await restarted.recall(A, phone(2))).toBeUndefined();
  });

  it('keeps choices per connection: another CRM starts empty and replaces the old one’s', async () => {
    const memory = createChoiceMemory(memoryStore());
    await memory.remember(A, phone(1), 'c-42');
    expect(await memory.recall(B, phone(1))).toBeUndefined();
    await memory.remember(B, phone(2), 'c-7');
    expect(await memory.recall(A, phone(1))).toBeUndefined();
    expect(await memory.recall(B, phone(2))).toBe('c-7');
  });

  it('drops the least recently chosen contact past its bound', async () => {
    const memory = createChoiceMemory(memoryStore(), 3);
    for (const n of [1, 2, 3]) await memory.remember(A, phone(n), `c-${n}`);
    await memory.remember(A, phone(1), 'c-1b'); // chosen again: now the most recent
    await memory.remember(A, phone(4), 'c-4');
    expect(await memory.recall(A, phone(2))).toBeUndefined();
    expect(await memory.recall(A, phone(1))).toBe('c-1b');
    expect(await memory.recall(A, phone(3))).toBe('c-3');
    expect(await memory.recall(A, phone(4))).toBe('c-4');
  });

  it('loses neither of two choices made at the same moment, and forgets one on request', async () => {
    const memory = createChoiceMemory(memoryStore());
    await Promise.all([memory.remember(A, phone(1), 'c-1'), memory.remember(A, phone(2), 'c-2')]);
    expect(await memory.recall(A, phone(1))).toBe('c-1');
    expect(await memory.recall(A, phone(2))).toBe('c-2');
    await memory.forget(A, phone(1));
    expect(await memory.recall(A, phone(1))).toBeUndefined();
  });
});
