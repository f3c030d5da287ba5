// How a chaos run reads on the console: the counts the suite is judged by, then what differed, if anything.
import type { ChaosReport } from './run-chaos';

const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ') || 'none';

export function formatReport(report: ChaosReport): string {
  const { writes } = report;
  const lines = [
    `chaos run, seed ${report.seed}: ${(report.durationMs / 1000).toFixed(1)} s`,
    `  actions:            ${report.actions} (${tally(report.actionsByKind)}; ${report.lookupsFailed} lookups failed under faults;` +
      ` ${report.messagesResent} messages sent again after a lost reply)`,
    `  faults injected:    ${tally(report.faults)}`,
    `  requests failed:    ${tally(report.faultedRequests)}`,
    `  writes:             ${writes.enqueued} enqueued, ${writes.delivered} delivered, ${writes.failed} failed, ${writes.waiting} still waiting` +
      ` (${report.retriedAfterFaults} retried once the faults were off; drained in ${(report.drainedInMs / 1000).toFixed(1)} s)`,
    `  writes hit:         ${writes.retried} needed more than one attempt, ${writes.ambiguous} may have landed before they were sent again`,
    `  notes:              ${report.notesExpected} written`,
    `  lost:               ${report.lost}`,
    `  duplicated:         ${report.duplicated}`,
    `  uncaught errors:    ${report.uncaught.length}`,
    ...report.mismatches.map((mismatch) => `    mismatch at ${mismatch.customerId}: ${mismatch.what}`),
    ...report.uncaught.map((error) => `    uncaught: ${error}`),
    ...report.diagnoses.map((diagnosis) => `    ${diagnosis}`),
  ];
  return lines.join('\n');
}
