// `npm run chaos`: the big chaos run against the built demo extension. Prints the counts and exits
// non-zero when a write was lost or duplicated, an error went uncaught, or a write never got through.
// Options: --actions N (default 500), --seed N (default: from the clock, printed to replay it), --customers N.
import { parseArgs } from 'node:util';
import { formatReport } from './report';
import { runChaos } from './run-chaos';

const { values } = parseArgs({
  options: {
    actions: { type: 'string', default: '500' },
    seed: { type: 'string' },
    customers: { type: 'string', default: '12' },
  },
});

const seed = Number(values.seed ?? Date.now() % 1_000_000);
const actions = Number(values.actions);
const customers = Number(values.customers);
if (![seed, actions, customers].every(Number.isInteger) || actions < 1 || customers < 1) {
  console.error('usage: npm run chaos -- [--actions N] [--seed N] [--customers N]');
  process.exit(2);
}

console.log(`chaos: ${actions} actions over ${customers} customers, seed ${seed} (replay with --seed ${seed})`);
const report = await runChaos({ seed, actions, customers, drainTimeoutMs: 180_000, log: (line) => console.log(`  … ${line}`) });
console.log(formatReport(report));
const healthy = report.lost === 0 && report.duplicated === 0 && report.uncaught.length === 0 && report.writes.failed === 0 && report.writes.waiting === 0;
process.exit(healthy ? 0 : 1);
