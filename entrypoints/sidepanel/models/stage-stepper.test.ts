import { beforeEach, describe, expect, it } from 'vitest';
import type { StageType } from '@/lib/crm/backend';
import type { Stage } from '@/lib/crm/domain';
import type { OutboxWrite } from '@/lib/outbox/types';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import type { StageState } from './stage';
import * as stepperRules from './stage-stepper';
import { createUndoModel } from './undo';
import { createWritesModel } from './writes';

const { client, request } = fakeClient();
const stages = signal<Record<string, StageState>>({});
const undo = createUndoModel();
const writes = createWritesModel({ client, settings: { settingsView: signal(undefined) } });
/** The module's rules and one stepper, as the panel makes it. */
const stepper = { ...stepperRules, ...stepperRules.createStageStepperModel({ stage: { stages }, undo, writes }) };

const intent: Stage = { id: 's-intent', name: '意向确定', order: 2 };
const payment: Stage = { id: 's-pay', name: '付款流程', order: 3 };
const stageWrite = (patch: Partial<OutboxWrite>, stage: Stage, type: StageType): OutboxWrite =>
  ({
    id: crypto.randomUUID(),
    customerId: 'c1',
    kind: 'stage',
    createdAt: 1,
    attempts: 0,
    state: 'pending',
    nextAttemptAt: 0,
    payload: { stage: { id: stage.id, name: stage.name }, type },
    ...patch,
  }) as OutboxWrite;
const enqueued = () => request.mock.calls.filter(([type]) => type === 'write.enqueue').map(([, payload]) => payload as { payload: unknown });

describe('the stage shown over queued writes', () => {
  it('is the newest stage write the read cannot contain yet', () => {
    const writes = [stageWrite({ state: 'sent', sentAt: 2_000 }, payment, 'ongoing'), stageWrite({ state: 'pending' }, payment, 'lost')];
    expect(stepper.stageAfterWrites(intent, 1_000, writes)).toMatchObject({ stage: { id: 's-pay' }, result: 'lost' });
    const moved = stepper.stageAfterWrites(intent, 1_000, writes.slice(0, 1));
    expect(moved).toMatchObject({ stage: { id: 's-pay' } });
    expect(moved.result).toBeUndefined();
  });

  it('is the stage read when the writes failed or the read came after them', () => {
    const writes = [stageWrite({ state: 'sent', sentAt: 500 }, payment, 'ongoing'), stageWrite({ state: 'failed' }, payment, 'won')];
    expect(stepper.stageAfterWrites(intent, 1_000, writes)).toEqual({ stage: intent });
  });

  it("keeps the result the CRM read, once the agent's result write has landed, so the stepper still marks it", () => {
    const landed = [stageWrite({ state: 'sent', sentAt: 500 }, intent, 'won')];
    expect(stepper.stageAfterWrites(intent, 1_000, landed, 'won')).toEqual({ stage: intent, result: 'won' });
  });
});

describe('the stage stepper', () => {
  beforeEach(() => {
    request.mockReset();
    request.mockImplementation((_type: string, payload: unknown) => Promise.resolve(payload));
    stages.value = { c1: { status: 'loading' } };
    stages.value = { c1: { status: 'loaded', stage: intent } };
  });

  it('moves to a stage in one click, as an ongoing stage, and shows it at once', () => {
    stepper.moveToStage('c1', payment);
    expect(enqueued().at(-1)).toMatchObject({ customerId: 'c1', kind: 'stage', payload: { stage: { id: 's-pay', name: '付款流程' }, type: 'ongoing' } });
    expect(stepper.shownStage('c1')).toMatchObject({ stage: { id: 's-pay' } });
    expect(stepper.shownStage('c1')?.result).toBeUndefined();
  });

  it('offers to move back, and Undo queues the stage (and result) shown before the move', () => {
    const { undoOffer, takeBack } = undo;
    stepper.moveToStage('c1', payment);
    expect(undoOffer.value).toMatchObject({ kind: 'stage', customerId: 'c1', stageName: '付款流程' });
    takeBack();
    expect(enqueued().at(-1)).toMatchObject({ kind: 'stage', payload: { stage: { id: 's-intent', name: '意向确定' }, type: 'ongoing' } });
    expect(stepper.shownStage('c1')).toMatchObject({ stage: { id: 's-intent' } });
    expect(undoOffer.value).toBeUndefined();
  });

  it('names the way back by the id the agent sees when the stage was read by name only', () => {
    stages.value = { c1: { status: 'loaded', stage: { id: '', name: '意向确定', order: -1 } } };
    stepper.moveToStage('c1', payment, 's-intent');
    undo.takeBack();
    expect(enqueued().at(-1)).toMatchObject({ payload: { stage: { id: 's-intent' }, type: 'ongoing' } });
  });

  it('queues a result only once confirmed, closing the stage shown', () => {
    stepper.moveToStage('c1', intent);
    stepper.askResult('c1', 'won');
    const before = enqueued().length;
    stepper.cancelResult();
    stepper.confirmResult('c1');
    expect(enqueued()).toHaveLength(before);

    stepper.askResult('c1', 'invalid');
    expect(stepper.pendingResult.value).toEqual({ customerId: 'c1', result: 'invalid' });
    stepper.confirmResult('c1');
    expect(enqueued().at(-1)).toMatchObject({ kind: 'stage', payload: { stage: { id: 's-intent' }, type: 'invalid' } });
    expect(stepper.shownStage('c1')).toMatchObject({ stage: { id: 's-intent' }, result: 'invalid' });
    expect(stepper.pendingResult.value).toBeUndefined();
  });

  it('shows a delivered stage write over a stage remembered from a read before it', async () => {
    const sent = { createdAt: 1, attempts: 1, nextAttemptAt: 0, state: 'sent', sentAt: 2_000 };
    request.mockImplementation((_type: string, payload: object) => Promise.resolve({ ...payload, ...sent }));
    stages.value = { c3: { status: 'loading' } };
    stages.value = { c3: { status: 'loaded', stage: intent } };
    stepper.moveToStage('c3', payment);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Asked for now, answered from a read made at 1 000, before the write was sent at 2 000.
    stages.value = { c3: { status: 'loading' } };
    stages.value = { c3: { status: 'loaded', stage: intent, readAt: 1_000 } };
    expect(stepper.shownStage('c3')).toMatchObject({ stage: { id: 's-pay' } });
    stages.value = { c3: { status: 'loaded', stage: payment, readAt: 3_000 } };
    expect(stepper.shownStage('c3')).toEqual({ stage: payment });
  });

  it('shows nothing while the stage is read, unless the agent already chose one', () => {
    stages.value = { c2: { status: 'loading' } };
    expect(stepper.shownStage('c2')).toBeUndefined();
    stepper.moveToStage('c2', payment);
    expect(stepper.shownStage('c2')).toMatchObject({ stage: { id: 's-pay' } });
  });
});
