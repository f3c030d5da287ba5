// One chaos run end to end: a fresh mock CRM and a real Chromium with the built demo extension, the
// seeded script played through the panel page while faults come and go, then every fault off, the
// outbox given a bounded time to deliver, and the CRM's state held against the oracle. The spec and the
// CLI (run.ts) both call runChaos.
// Invariant: every wait is bounded; the browser and the mock are closed whatever happens.
import type { LabelGroup } from '../../lib/crm/domain';
import { startSobotMock, type SobotMock } from '../../dev/mock-crm/sobot/server';
import { connectCrm } from '../support/agent';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { createChaosAgent, type Catalogue, type ChaosCustomer } from './agent';
import { colleagueEdits, type Colleague } from './colleague';
import { chaosCustomers } from './customers';
import { drainOutbox } from './drain';
import { applyMockFault, faultedRequests, healMock, isMockFault, storedCustomer } from './mock-crm';
import { compare, expectedFinal, type CustomerState, type JournalEntry, type Observed, type Verdict } from './oracle';
import { createPanelDriver, type PanelDriver } from './panel';
import { buildScenario, type ChaosStep } from './scenario';
import { createWriteTracker, type WriteCounts, type WriteTracker } from './tracker';
import { watchUncaughtErrors } from './uncaught';
import { createWorkerStopper } from './worker-stop';

export interface ChaosOptions {
  seed: number;
  /** Agent actions to perform (lookups, label clicks, stage moves, notes). */
  actions: number;
  customers: number;
  /** How long the outbox gets to deliver everything once every fault is off. */
  drainTimeoutMs: number;
  /** Progress lines, for long runs. */
  log?: (line: string) => void;
}

export interface ChaosReport extends Verdict {
  seed: number;
  actions: number;
  actionsByKind: Record<string, number>;
  lookupsFailed: number;
  /** Messages the panel sent again after losing the reply (closed page, stopped worker). */
  messagesResent: number;
  /** Faults switched on (and panel closes, worker stops, colleague edits), by kind. */
  faults: Record<string, number>;
  /** API requests the mock actually failed, by fault. */
  faultedRequests: Record<string, number>;
  writes: WriteCounts;
  /** Writes the run pressed "Retry" on once the faults were off: failed ones, and ones waiting out a long backoff. */
  retriedAfterFaults: number;
  uncaught: string[];
  /** For each mismatch with one write to blame: what the views showed of it, and the chaos meanwhile. */
  diagnoses: string[];
  drainedInMs: number;
  durationMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long a stop meant to hit a write on its way waits for one. */
const MID_SEND_WAIT_MS = 1_500;

function catalogueOf(groups: LabelGroup[], stages: Catalogue['stages']): Catalogue {
  return { labels: groups.flatMap((group) => group.labels.map((label) => ({ group, label }))), stages };
}

function count(tally: Record<string, number>, key: string) {
  tally[key] = (tally[key] ?? 0) + 1;
}

function faultName(step: ChaosStep): string {
  if (step.kind === 'failures') return step.applied ? `ambiguous ${step.failure}` : step.failure;
  if (step.kind === 'latency' && step.change) return 'latency change';
  if ((step.kind === 'close-panel' || step.kind === 'stop-worker') && step.midActionAfterMs !== undefined) return `${step.kind} mid-message`;
  if (step.kind === 'stop-worker' && step.midSend) return 'stop-worker mid-send';
  return step.kind;
}

function endsAFault(step: ChaosStep): boolean {
  return step.kind === 'failures-off' || step.kind === 'up' || (step.kind === 'latency' && step.ms === 0 && !step.change);
}

/** A panel close or worker stop timed to hit the agent's next action. */
interface Disruption {
  afterMs: number;
  strike(): Promise<void>;
}

interface Run {
  mock: SobotMock;
  panel: PanelDriver;
  tracker: WriteTracker;
  journal: JournalEntry[];
  customers: ChaosCustomer[];
  colleague: Colleague;
  faults: Record<string, number>;
  /** The chaos steps taken, with when (ms since startedAt). */
  events: { at: number; what: string }[];
  startedAt: number;
  stopWorker(): Promise<void>;
}

/** Stops the worker once a write shows 'sending' (or after a bounded wait); answers whether one did. */
async function stopMidSend(run: Run): Promise<boolean> {
  const deadline = Date.now() + MID_SEND_WAIT_MS;
  let sending = false;
  while (!sending && Date.now() < deadline) {
    sending = (await run.panel.outboxView()).some((write) => write.state === 'sending');
    if (!sending) await pause(20);
  }
  await run.stopWorker();
  return sending;
}

/** Takes a chaos step now, or answers the disruption to strike during the next agent action. */
async function chaos(run: Run, step: ChaosStep): Promise<Disruption | undefined> {
  run.events.push({ at: Date.now() - run.startedAt, what: JSON.stringify(step) });
  if (step.kind === 'colleague') {
    const edited = await colleagueEdits(run.colleague, step.customer, step.label);
    count(run.faults, edited ? 'colleague' : 'colleague skipped (label writes in flight for every customer)');
    return undefined;
  }
  if (step.kind === 'stop-worker' && step.midSend) {
    count(run.faults, (await stopMidSend(run)) ? faultName(step) : 'stop-worker (nothing was sending)');
    return undefined;
  }
  if (!endsAFault(step)) count(run.faults, faultName(step));
  if (isMockFault(step)) {
    await applyMockFault(run.mock.url, step);
    return undefined;
  }
  // After a stop, the next message (the agent's next action) starts a fresh worker, which resumes the outbox.
  const strike = step.kind === 'close-panel' ? () => run.panel.closePanel() : () => run.stopWorker();
  if (step.midActionAfterMs !== undefined) return { afterMs: step.midActionAfterMs, strike };
  await strike();
  return undefined;
}

function diagnose(run: Run, writeId: string): string {
  const history = run.tracker.history(writeId);
  const from = history[0]?.at ?? 0;
  const to = history.at(-1)?.at ?? from;
  const chaosMeanwhile = run.events.filter((event) => event.at >= from - 2_000 && event.at <= to);
  const line = (event: { at: number; what: string }) => `      ${(event.at / 1000).toFixed(2)} s ${event.what}`;
  return [`write ${writeId}:`, ...history.map(line), '    chaos meanwhile:', ...chaosMeanwhile.map(line)].join('\n');
}

async function observe(run: Run, expectedNotes: Map<string, string[]>): Promise<Map<string, Observed>> {
  const observed = new Map<string, Observed>();
  for (const customer of run.customers) {
    const stored = await storedCustomer(run.mock.url, customer.id);
    const noteCounts: Record<string, number> = {};
    for (const text of expectedNotes.get(customer.id) ?? []) noteCounts[text] = stored.notes.filter((note) => note === text).length;
    observed.set(customer.id, { ...stored, noteCounts });
  }
  return observed;
}

async function play(mock: SobotMock, browser: ExtensionBrowser, options: ChaosOptions, started: number): Promise<ChaosReport> {
  const uncaught = watchUncaughtErrors(browser.context, browser.extensionId);
  const optionsPage = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey });
  await optionsPage.close();
  const stopper = await createWorkerStopper(browser);
  const panel = createPanelDriver(browser, (page) => uncaught.watchPage(page));
  const reference = await panel.send('reference.get', {});
  if (!reference.ok) throw new Error(`reference data could not be read: ${reference.error.message}`);

  const startedAt = Date.now();
  const customers = chaosCustomers(options.customers);
  const initial = new Map<string, CustomerState>();
  for (const customer of customers) initial.set(customer.id, await storedCustomer(mock.url, customer.id));
  const catalogue = catalogueOf(reference.value.labelGroups, reference.value.stages);
  const tracker = createWriteTracker(startedAt);
  const journal: JournalEntry[] = [];
  const run: Run = {
    mock,
    panel,
    tracker,
    journal,
    customers,
    colleague: { mockUrl: mock.url, panel, tracker, customers, catalogue, journal },
    faults: {},
    events: [],
    startedAt,
    stopWorker: () => stopper.stop(),
  };
  const agent = createChaosAgent({ panel, tracker, journal, customers, catalogue });
  for (const customer of customers) await agent.openCustomer(customer);

  const steps = buildScenario({
    seed: options.seed,
    actions: options.actions,
    customers: customers.length,
    labels: catalogue.labels.length,
    stages: catalogue.stages.length,
  });
  let done = 0;
  let disruption: Disruption | undefined;
  for (const step of steps) {
    if ('chaos' in step) {
      disruption = (await chaos(run, step.chaos)) ?? disruption;
      continue;
    }
    const striking = disruption;
    disruption = undefined;
    await Promise.all([agent.perform(step.agent), striking && pause(striking.afterMs).then(() => striking.strike())]);
    run.tracker.observe(await panel.outboxView());
    await pause(step.pauseMs);
    if (++done % 50 === 0) options.log?.(`${done}/${options.actions} actions, ${run.tracker.counts().delivered} writes delivered so far`);
  }

  await healMock(mock.url);
  const drainStarted = Date.now();
  const retriedAfterFaults = await drainOutbox(panel, tracker, options.drainTimeoutMs);
  const drainedInMs = Date.now() - drainStarted;
  const expected = expectedFinal(initial, run.journal);
  const expectedNotes = new Map([...expected].map(([id, want]) => [id, want.notes.map((note) => note.text)]));
  const verdict = compare(expected, await observe(run, expectedNotes));
  return {
    ...verdict,
    seed: options.seed,
    actions: done,
    actionsByKind: agent.performed(),
    lookupsFailed: agent.lookupsFailed(),
    messagesResent: panel.resent(),
    faults: run.faults,
    faultedRequests: await faultedRequests(mock.url),
    writes: run.tracker.counts(),
    retriedAfterFaults,
    uncaught: uncaught.list(),
    diagnoses: verdict.mismatches.flatMap((mismatch) => (mismatch.writeId ? [diagnose(run, mismatch.writeId)] : [])),
    drainedInMs,
    durationMs: Date.now() - started,
  };
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const mock = await startSobotMock({ port: 0 });
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension({ lang: 'en' });
    return await play(mock, browser, options, started);
  } finally {
    await browser?.close();
    await mock.close();
  }
}
