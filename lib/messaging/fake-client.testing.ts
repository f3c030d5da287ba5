// For unit tests only: a client whose requests a vi.fn answers, passed to a model instead of the real one.
import { vi } from 'vitest';
import type { Client } from './client';

// biome-ignore lint/suspicious/noExplicitAny: a test answers each request type its own way, of its own shape
type Answer = (type: string, payload: any) => any;

export function fakeClient(answer?: Answer) {
  const request = answer ? vi.fn<Answer>(answer) : vi.fn<Answer>();
  const client = { request: (type: string, payload: unknown) => request(type, payload) } as Client;
  return { client, request };
}
