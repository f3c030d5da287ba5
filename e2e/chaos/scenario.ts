// The chaos run's script: a seeded sequence of what the agent does and, between those actions, what
// goes wrong (CRM faults, a closed panel, a stopped worker, a colleague's edit). Pure: it names
// customers, labels and stages by index, and the runner resolves them.
// Invariant: the same seed and size always give the same steps, and every fault opened (failures, down,
// latency) is closed again by a later step or by the runner's final heal.
import { createRandom, type Random } from '../../dev/mock-crm/shared/prng';

type FailureKind = 'http500' | 'drop' | 'malformed' | 'timeout';
type StageType = 1 | 21 | 22 | 23;

export type AgentStep =
  | { kind: 'lookup'; customer: number }
  | { kind: 'labels'; customer: number; label: number }
  | { kind: 'stage'; customer: number; stage: number; type: StageType }
  | { kind: 'note'; customer: number; text: string };

export type ChaosStep =
  | { kind: 'failures'; failure: FailureKind; applied: boolean; endpoint?: string; rate?: number; next?: number }
  | { kind: 'failures-off' }
  /** change: a new delay while one is on, so a request sent later may be answered before an earlier one. */
  | { kind: 'latency'; ms: number; change?: true }
  | { kind: 'expire-token' }
  | { kind: 'down'; mode: 'close' | '503' }
  | { kind: 'up' }
  /** midActionAfterMs: during the next agent action, this long after it starts; otherwise before it. */
  | { kind: 'close-panel'; midActionAfterMs?: number }
  /** midSend: as soon as a write is on its way to the CRM, so what the worker sent may land after it is gone. */
  | { kind: 'stop-worker'; midActionAfterMs?: number; midSend?: true }
  | { kind: 'colleague'; customer: number; label: number };

export type Step = { agent: AgentStep; pauseMs: number } | { chaos: ChaosStep };

export interface ScenarioSize {
  seed: number;
  actions: number;
  customers: number;
  labels: number;
  stages: number;
}

/** The endpoints a write goes through: a hung request there stalls one customer's queue, not the run. */
const WRITE_ENDPOINTS = ['user_stage/record_save', 'label/update_userlabel', 'user_stage/stage_save', 'label/userlabels'];

const NOTE_ENDPOINT = 'user_stage/record_save';
/**
 * How a saved note's answer gets lost. Not by a dropped connection: when a reused keep-alive connection
 * closes before any answer, Chromium itself sends the POST again (net's ShouldResendRequest), so the
 * CRM saves the note twice before the extension sees anything. No fetch option prevents that; only an
 * idempotency key in the CRM's API could. The chaos spec pins that behaviour in a test of its own.
 */
const AMBIGUOUS_NOTE_FAILURES = ['http500', 'malformed', 'timeout'] as const;

/** Chance that a chaos event comes before an agent action. */
const CHAOS_RATE = 0.35;
/** While the CRM is slow, chance that its delay changes before an agent action. */
const LATENCY_CHANGE_RATE = 0.5;
/** Every delay stays under the client's 15 s timeout: requests still get through, late. */
const MAX_LATENCY_MS = 1_500;
/** Every kind once per deck (some twice, to be more frequent). */
const DECK = [
  'latency',
  'http500',
  'drop',
  'malformed',
  'timeout',
  'ambiguous:user_stage/record_save',
  'ambiguous:user_stage/record_save',
  'ambiguous:label/update_userlabel',
  'ambiguous:label/update_userlabel',
  'ambiguous:user_stage/stage_save',
  'expire-token',
  'down',
  'close-panel',
  'stop-worker',
  'stop-worker',
  'colleague',
  'colleague',
] as const;
type DeckCard = (typeof DECK)[number];

/** Faults that last: how many agent actions each stays on. */
interface OpenWindows {
  failures: number;
  down: number;
  latency: number;
}

const NOTE_TOPICS = ['确认收货地址', '询问发票抬头', '约了周四回电', '已发报价单', '客户要求加急', '转交售后处理', '已寄出样品', '客户在比价'];

function agentStep(random: Random, size: ScenarioSize, index: number): AgentStep {
  const customer = random.int(0, size.customers - 1);
  const roll = random.next();
  if (roll < 0.2) return { kind: 'lookup', customer };
  if (roll < 0.55) return { kind: 'labels', customer, label: random.int(0, size.labels - 1) };
  if (roll < 0.7) {
    const type: StageType = random.chance(0.15) ? random.pick([21, 22, 23] as const) : 1;
    return { kind: 'stage', customer, stage: random.int(0, size.stages - 1), type };
  }
  // Unique per run, so each note's copies in the CRM can be counted.
  return { kind: 'note', customer, text: `混沌跟进 ${size.seed}-${index}：${random.pick(NOTE_TOPICS)}` };
}

function failureStep(random: Random, card: DeckCard): ChaosStep {
  if (card === 'timeout') {
    // Not applied: the CRM never saw it. One request only: each hangs until the client's 15 s timeout.
    return { kind: 'failures', failure: 'timeout', applied: false, endpoint: random.pick(WRITE_ENDPOINTS), next: 1 };
  }
  if (card.startsWith('ambiguous:')) {
    const endpoint = card.slice('ambiguous:'.length);
    const failure = random.pick(endpoint === NOTE_ENDPOINT ? AMBIGUOUS_NOTE_FAILURES : (['http500', 'drop', 'malformed', 'timeout'] as const));
    if (failure === 'timeout') return { kind: 'failures', failure, applied: true, endpoint, next: 1 };
    return random.chance(0.5)
      ? { kind: 'failures', failure, applied: true, endpoint, next: random.int(1, 3) }
      : { kind: 'failures', failure, applied: true, endpoint, rate: 0.6 + random.next() * 0.4 };
  }
  const failure = card as Exclude<FailureKind, 'timeout'>;
  const endpoint = random.chance(0.5) ? random.pick(WRITE_ENDPOINTS) : undefined;
  return { kind: 'failures', failure, applied: false, rate: 0.3 + random.next() * 0.4, ...(endpoint ? { endpoint } : {}) };
}

function chaosStep(random: Random, size: ScenarioSize, card: DeckCard, windows: OpenWindows): ChaosStep {
  switch (card) {
    case 'latency':
      windows.latency = random.int(5, 15);
      return { kind: 'latency', ms: random.int(50, MAX_LATENCY_MS) };
    case 'expire-token':
      return { kind: 'expire-token' };
    case 'down':
      windows.down = random.int(3, 10);
      return { kind: 'down', mode: random.chance(0.5) ? 'close' : '503' };
    case 'close-panel':
    case 'stop-worker': {
      // Often while a message is on its way: its reply is lost, and the agent sends it again.
      if (random.chance(0.4)) return { kind: card, midActionAfterMs: random.int(0, 30) };
      return card === 'stop-worker' && random.chance(0.5) ? { kind: card, midSend: true } : { kind: card };
    }
    case 'colleague':
      return { kind: 'colleague', customer: random.int(0, size.customers - 1), label: random.int(0, size.labels - 1) };
    default:
      windows.failures = random.int(5, 15);
      return failureStep(random, card);
  }
}

/** Ends the faults whose time is up, one step each. */
function closeWindows(windows: OpenWindows): ChaosStep[] {
  const closing: ChaosStep[] = [];
  if (windows.failures > 0 && --windows.failures === 0) closing.push({ kind: 'failures-off' });
  if (windows.down > 0 && --windows.down === 0) closing.push({ kind: 'up' });
  if (windows.latency > 0 && --windows.latency === 0) closing.push({ kind: 'latency', ms: 0 });
  return closing;
}

export function buildScenario(size: ScenarioSize): Step[] {
  const random = createRandom(size.seed);
  const windows: OpenWindows = { failures: 0, down: 0, latency: 0 };
  const steps: Step[] = [];
  let deck: DeckCard[] = [];
  let dealt = 0;
  for (let index = 0; index < size.actions; index += 1) {
    steps.push(...closeWindows(windows).map((chaos) => ({ chaos })));
    // The whole first deck is dealt before the last action, so even a short run meets every kind.
    const firstDeckBehind = dealt < DECK.length && DECK.length - dealt >= size.actions - index;
    if (random.chance(CHAOS_RATE) || firstDeckBehind) {
      if (deck.length === 0) deck = random.sample(DECK, DECK.length);
      steps.push({ chaos: chaosStep(random, size, deck.pop()!, windows) });
      dealt += 1;
    }
    // A delay that varies: a request sent later may be answered before one sent earlier.
    if (windows.latency > 0 && random.chance(LATENCY_CHANGE_RATE)) {
      steps.push({ chaos: { kind: 'latency', ms: random.int(0, MAX_LATENCY_MS), change: true } });
    }
    steps.push({ agent: agentStep(random, size, index), pauseMs: random.int(30, 300) });
  }
  return steps;
}
