// The chaos run's hands on the mock CRM: switching its faults on and off, playing the colleague, and
// reading a customer as the CRM stores it. All of it goes through /__control/, which no fault touches.
import { control } from '../support/mock-control';
import type { ChaosStep } from './scenario';
import type { CustomerState, LabelChange } from './oracle';

export interface StoredCustomer extends CustomerState {
  /** The names of its labels, as the CRM shows them, in the CRM's order. */
  labelNames: (string | null)[];
  /** The text of every follow-up record in the customer's timeline, one entry per record. */
  notes: string[];
}

interface StateAnswer {
  labels: { id: string; name: string | null }[];
  stage: { id: string | null; type: number | null };
  timeline: { biz_type: string; biz_content: unknown }[];
}

function noteText(content: unknown): string | undefined {
  const parsed: unknown = typeof content === 'string' ? JSON.parse(content) : content;
  const text = (parsed as { content?: unknown } | null)?.content;
  return typeof text === 'string' ? text : undefined;
}

export async function storedCustomer(mockUrl: string, customerId: string): Promise<StoredCustomer> {
  const response = await fetch(`${mockUrl}/__control/state/customer/${encodeURIComponent(customerId)}`);
  if (!response.ok) throw new Error(`the mock has no customer ${customerId}: HTTP ${response.status}`);
  const state = (await response.json()) as StateAnswer;
  const notes = state.timeline.flatMap((entry) => {
    const text = entry.biz_type === 'user_follow_record' ? noteText(entry.biz_content) : undefined;
    return text === undefined ? [] : [text];
  });
  return { labelIds: state.labels.map((label) => label.id), labelNames: state.labels.map((label) => label.name), stage: state.stage, notes };
}

/** A colleague edits the customer's labels in the CRM's own UI, now. */
export async function colleagueChangesLabels(mockUrl: string, customerId: string, change: LabelChange): Promise<void> {
  await control(mockUrl, `act-as-colleague/labels/${encodeURIComponent(customerId)}`, change);
}

type MockFault = Extract<ChaosStep, { kind: 'failures' | 'failures-off' | 'latency' | 'expire-token' | 'down' | 'up' }>;

export function isMockFault(step: ChaosStep): step is MockFault {
  return ['failures', 'failures-off', 'latency', 'expire-token', 'down', 'up'].includes(step.kind);
}

export async function applyMockFault(mockUrl: string, step: MockFault): Promise<void> {
  switch (step.kind) {
    case 'failures': {
      const { failure, applied, endpoint, rate, next } = step;
      return control(mockUrl, 'failures', { kind: failure, applied, endpoint, rate, next });
    }
    case 'failures-off':
      return control(mockUrl, 'failures', {});
    case 'latency':
      return control(mockUrl, 'latency', { ms: step.ms });
    case 'expire-token':
      return control(mockUrl, 'expire-token');
    case 'down':
      return control(mockUrl, 'down', { down: true, mode: step.mode });
    case 'up':
      return control(mockUrl, 'down', { down: false });
  }
}

/** Every fault off: the CRM answers every request again, at once. */
export async function healMock(mockUrl: string): Promise<void> {
  await control(mockUrl, 'failures', {});
  await control(mockUrl, 'latency', { ms: 0 });
  await control(mockUrl, 'down', { down: false });
}

/** API requests the mock failed on purpose, by fault (http500, drop, malformed, timeout, down). */
export async function faultedRequests(mockUrl: string): Promise<Record<string, number>> {
  const response = await fetch(`${mockUrl}/__control/requests`);
  const { entries } = (await response.json()) as { entries: { fault?: string }[] };
  const counts: Record<string, number> = {};
  for (const { fault } of entries) if (fault) counts[fault] = (counts[fault] ?? 0) + 1;
  return counts;
}
