// An agent works through a bad day: while they tag customers, move stages and write notes from the
// panel, the CRM slows down, fails, answers garbage, hangs, saves things without saying so, expires the
// token and goes down; the panel gets closed, the service worker gets stopped, and a colleague edits
// the same customers. Once it is over, the CRM holds every change exactly once, and nothing threw.
// `npm run chaos` plays the same script at ≥ 500 actions; this is its small size, for every test run.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { storedCustomer } from './chaos/mock-crm';
import { compare, expectedFinal, type CustomerState, type JournalEntry, type Observed } from './chaos/oracle';
import { createPanelDriver } from './chaos/panel';
import { formatReport } from './chaos/report';
import { runChaos } from './chaos/run-chaos';
import { buildScenario } from './chaos/scenario';
import { connectCrm } from './support/agent';
import { launchWithExtension } from './support/browser';
import { control } from './support/mock-control';

const SEED = Number(process.env.CHAOS_SEED ?? 20_240_601);

describe('the chaos oracle', () => {
  const start = new Map<string, CustomerState>([['c1', { labelIds: ['gold', 'toys'], stage: { id: 's1', type: 1 } }]]);
  const journal: JournalEntry[] = [
    { kind: 'labels', writeId: 'w1', customerId: 'c1', change: { add: ['silver'], remove: ['gold'] } },
    { kind: 'colleague', customerId: 'c1', change: { add: ['vip'], remove: ['toys'] } },
    { kind: 'stage', writeId: 'w2', customerId: 'c1', stage: { id: 's2', type: 21 } },
    { kind: 'note', writeId: 'w3', customerId: 'c1', text: 'called back' },
  ];
  const expected = expectedFinal(start, journal);
  const right: Observed = { labelIds: ['silver', 'vip'], stage: { id: 's2', type: 21 }, noteCounts: { 'called back': 1 } };

  it('expects the agent’s and the colleague’s changes applied in order, the last stage, each note once', () => {
    expect(expected.get('c1')).toEqual({ labelIds: ['silver', 'vip'], stage: { id: 's2', type: 21 }, notes: [{ writeId: 'w3', text: 'called back' }] });
    expect(compare(expected, new Map([['c1', right]]))).toMatchObject({ lost: 0, duplicated: 0, mismatches: [] });
  });

  it('counts a missing note or label change as lost, and every extra copy of a note as duplicated', () => {
    const wrong: Observed = { labelIds: ['silver', 'toys', 'vip'], stage: { id: 's1', type: 1 }, noteCounts: { 'called back': 3 } };
    expect(compare(expected, new Map([['c1', wrong]]))).toMatchObject({ lost: 2, duplicated: 2 });
    expect(compare(expected, new Map([['c1', { ...right, noteCounts: {} }]]))).toMatchObject({ lost: 1, duplicated: 0 });
  });

  it('plays the same script for the same seed, and meets every kind of fault even in the small run', () => {
    const size = { seed: SEED, actions: 60, customers: 8, labels: 21, stages: 5 };
    const steps = buildScenario(size);
    expect(buildScenario(size)).toEqual(steps);
    const kinds = new Set(
      steps.flatMap((step) => ('chaos' in step ? [step.chaos.kind === 'failures' && step.chaos.applied ? 'ambiguous' : step.chaos.kind] : [])),
    );
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(['ambiguous', 'close-panel', 'colleague', 'down', 'expire-token', 'failures', 'latency', 'stop-worker']),
    );
  });
});

describe('a bad day at the CRM', () => {
  it('delivers every write exactly once, in order, whatever the network, the CRM and the browser do', async () => {
    const report = await runChaos({ seed: SEED, actions: 60, customers: 8, drainTimeoutMs: 45_000 });
    console.log(formatReport(report));
    expect(report.actions).toBe(60);
    expect(report.writes.enqueued).toBeGreaterThan(30);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.uncaught).toEqual([]);
    expect(report.writes).toMatchObject({ failed: 0, waiting: 0 });
    expect(report.mismatches).toEqual([]);
  }, 115_000);
});

// Why the chaos script never drops the connection after the CRM saved a note: Chromium sends a POST
// again by itself when a reused keep-alive connection closes before any answer (net's
// ShouldResendRequest), so the CRM saves the note twice while the extension made one request and saw
// it succeed. Only an idempotency key in the CRM's API could prevent it. If this starts failing, Chromium
// stopped doing that, and the chaos script can drop connections after record_save too.
describe('what no client can prevent', () => {
  it('a connection dropped after the CRM saved a note makes Chromium itself send the note a second time', async () => {
    const mock = await startSobotMock({ port: 0 });
    const browser = await launchWithExtension({ lang: 'en' });
    try {
      const options = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey });
      await options.close();
      const panel = createPanelDriver(browser, () => undefined);
      const customerId = FIXTURE_CUSTOMERS.zhangWei.id;
      // Opens the keep-alive connection the note will reuse.
      expect((await panel.send('customer.labels', { customerId })).ok).toBe(true);
      await control(mock.url, 'failures', { kind: 'drop', applied: true, next: 1, endpoint: 'user_stage/record_save' });
      const id = randomUUID();
      const content = `一次发送 ${id}`;
      expect((await panel.send('write.enqueue', { id, customerId, kind: 'note', payload: { content } })).ok).toBe(true);

      await expect.poll(async () => (await panel.outboxView()).find((write) => write.id === id)?.state, { timeout: 15_000 }).toBe('sent');
      expect((await panel.outboxView()).find((write) => write.id === id)).toMatchObject({ attempts: 1 });
      expect((await storedCustomer(mock.url, customerId)).notes.filter((note) => note === content)).toHaveLength(2);
    } finally {
      await browser.close();
      await mock.close();
    }
  }, 60_000);
});
