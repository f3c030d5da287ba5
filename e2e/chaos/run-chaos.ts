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
import { chaosCustomers } from './customers';
import { applyMockFault, colleagueChangesLabels, faultedRequests, healMock, isMockFault, storedCustomer } from './mock-crm';
import { compare, expectedFinal, type CustomerState, type JournalEntry, type LabelChange, type Observed, type Verdict } from './oracle';
import { createPanelDriver, type PanelDriver } from './panel';
import { buildScenario, type ChaosStep } from './scenario';
import { createWriteTracker, type WriteTracker } from './tracker';
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
  /** Faults switched on (and panel closes, worker stops, colleague edits), by kind. */
  faults: Record<string, number>;
  /** API requests the mock actually failed, by fault. */
  faultedRequests: Record<string, number>;
  writes: { enqueued: number; delivered: number; failed: number; waiting: number };
  /** Writes the run pressed "Retry" on once the faults were off: failed ones, and ones waiting out a long backoff. */
  retriedAfterFaults: number;
  uncaught: string[];
  /** For each mismatch with one write to blame: what the views showed of it, and the chaos meanwhile. */
  diagnoses: string[];
  drainedInMs: number;
  durationMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A wait the outbox's own timer would end sooner: pressing Retry only hurries writes backing off longer. */
const RETRY_IF_WAITING_MORE_THAN_MS = 2_000;

function catalogueOf(groups: LabelGroup[], stages: Catalogue['stages']): Catalogue {
  return { labels: groups.flatMap((group) => group.labels.map((label) => ({ group, label }))), stages };
}

/** The colleague clicks the label in the CRM's own UI: toggles it, and a pick in a single-choice group drops the others. */
function colleagueClick(current: string[], { group, label }: Catalogue['labels'][number]): LabelChange {
  if (current.includes(label.id)) return { add: [], remove: [label.id] };
  const others = group.multipleChoice ? [] : group.labels.filter((other) => other.id !== label.id).map((other) => other.id);
  return { add: [label.id], remove: others };
}

function count(tally: Record<string, number>, key: string) {
  tally[key] = (tally[key] ?? 0) + 1;
}

function faultName(step: ChaosStep): string {
  if (step.kind === 'failures') return step.applied ? `ambiguous ${step.failure}` : step.failure;
  if (step.kind === 'latency') return 'latency';
  return step.kind;
}

interface Run {
  mock: SobotMock;
  browser: ExtensionBrowser;
  panel: PanelDriver;
  tracker: WriteTracker;
  journal: JournalEntry[];
  customers: ChaosCustomer[];
  catalogue: Catalogue;
  faults: Record<string, number>;
  latencyMs: number;
  /** The chaos steps taken, with when (ms since startedAt). */
  events: { at: number; what: string }[];
  startedAt: number;
  stopWorker(): Promise<void>;
}

/** A colleague edits the labels of a customer none of whose label writes may still land, so the order is known. */
async function colleagueActs(run: Run, step: Extract<ChaosStep, { kind: 'colleague' }>): Promise<void> {
  run.tracker.observe(await run.panel.outboxView());
  const ordered = run.customers.map((_, offset) => run.customers[(step.customer + offset) % run.customers.length]!);
  const customer = ordered.find((candidate) => !run.tracker.labelsInFlight(candidate.id));
  if (!customer) return count(run.faults, 'colleague skipped (every customer had label writes in flight)');
  const { labelIds } = await storedCustomer(run.mock.url, customer.id);
  const change = colleagueClick(labelIds, run.catalogue.labels[step.label % run.catalogue.labels.length]!);
  await colleagueChangesLabels(run.mock.url, customer.id, change);
  run.journal.push({ kind: 'colleague', customerId: customer.id, change });
  count(run.faults, 'colleague');
}

async function chaos(run: Run, step: ChaosStep): Promise<void> {
  run.events.push({ at: Date.now() - run.startedAt, what: JSON.stringify(step) });
  if (step.kind === 'colleague') return colleagueActs(run, step);
  if (step.kind !== 'failures-off' && step.kind !== 'up' && !(step.kind === 'latency' && step.ms === 0)) count(run.faults, faultName(step));
  if (isMockFault(step)) {
    if (step.kind === 'latency') run.latencyMs = step.ms;
    return applyMockFault(run.mock.url, step);
  }
  if (step.kind === 'close-panel') return run.panel.closePanel();
  await run.stopWorker();
  // What the stopped worker left on the wire lands (or not) before a new worker can send it again: no
  // client can tell a request still travelling from one lost, so the run does not race the two.
  await pause(run.latencyMs + 200);
}

/** Once every fault is off: waits until each write is delivered, pressing Retry once where the agent would. */
async function drain(run: Run, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const retried = new Set<string>();
  while (Date.now() < deadline) {
    run.tracker.observe(await run.panel.outboxView());
    const unsettled = run.tracker.unsettled();
    if (unsettled.length === 0) break;
    for (const { id, shown } of unsettled) {
      const stuck = shown?.state === 'failed' || (shown?.state === 'pending' && shown.nextAttemptAt > Date.now() + RETRY_IF_WAITING_MORE_THAN_MS);
      if (!stuck || retried.has(id)) continue;
      retried.add(id);
      await run.panel.send('write.retry', { id });
    }
    // A stopped worker wakes for a message (or its alarm, ≥ 30 s later); any message will do.
    await run.panel.send('settings.get', {});
    await pause(300);
  }
  return retried.size;
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
  const run: Run = {
    mock,
    browser,
    panel,
    tracker: createWriteTracker(startedAt),
    journal: [],
    customers,
    catalogue: catalogueOf(reference.value.labelGroups, reference.value.stages),
    faults: {},
    latencyMs: 0,
    events: [],
    startedAt,
    stopWorker: () => stopper.stop(),
  };
  const agent = createChaosAgent(run);
  for (const customer of customers) await agent.openCustomer(customer);

  const steps = buildScenario({ seed: options.seed, actions: options.actions, customers: customers.length, labels: run.catalogue.labels.length, stages: run.catalogue.stages.length });
  let done = 0;
  for (const step of steps) {
    if ('chaos' in step) {
      await chaos(run, step.chaos);
      continue;
    }
    await agent.perform(step.agent);
    run.tracker.observe(await panel.outboxView());
    await pause(step.pauseMs);
    if (++done % 50 === 0) options.log?.(`${done}/${options.actions} actions, ${run.tracker.counts().delivered} writes delivered so far`);
  }

  await healMock(mock.url);
  const drainStarted = Date.now();
  const retriedAfterFaults = await drain(run, options.drainTimeoutMs);
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
