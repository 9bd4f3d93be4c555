import type { MigrationOutcomeCounts, MigrationProblem } from '@badges/api-contracts';
import type { MigrationProgress, MigrationReport } from '@badges/badgr-migration';

const KINDS = [['issuer', 'issuers'], ['badgeClass', 'badge classes'], ['assertion', 'assertions'], ['staff', 'issuer staff']] as const;

/** One line per batch written: what was read, what the run counts so far. */
export function progressLine(progress: MigrationProgress): string {
  const { read, counts, problems } = progress;
  const done = (counts: MigrationOutcomeCounts) => counts.created + counts.unchanged + counts.updated + counts.skipped;
  return (
    `read ${progress.pages} pages: ${read.issuers} issuers, ${read.badgeClasses} badge classes, ${read.assertions} assertions; ` +
    `written ${done(counts.issuer)}/${done(counts.badgeClass)}/${done(counts.assertion)}; problems ${problems.source} at the source, ${problems.platform} at the platform`
  );
}

export function summaryLines(report: MigrationReport, problemsUrl: string): string[] {
  const { run, progress, firstProblems } = report;
  const assertions = progress.read.assertions;
  const lines = [
    '',
    `run ${run.id} ${run.status}${run.dryRun ? ' (dry run: nothing was written; these are the answers a real run would get)' : ''} in ${report.seconds.toFixed(1)} s` +
      (assertions > 0 ? `, ${Math.round(assertions / report.seconds)} assertions/s` : ''),
    '',
    `${'kind'.padEnd(14)}${'created'.padStart(9)}${'unchanged'.padStart(11)}${'updated'.padStart(9)}${'skipped'.padStart(9)}`,
    ...KINDS.map(([kind, label]) => {
      const counts = run.counts[kind];
      return `${label.padEnd(14)}${String(counts.created).padStart(9)}${String(counts.unchanged).padStart(11)}${String(counts.updated).padStart(9)}${String(counts.skipped).padStart(9)}`;
    }),
    '',
  ];
  const total = progress.problems.source + progress.problems.platform;
  if (total === 0) lines.push('no problems');
  else {
    lines.push(`${total} problems (${progress.problems.source} reading Badgr, ${progress.problems.platform} at the platform${run.dryRun ? ': what would be skipped' : ''}); the first ${firstProblems.length}:`);
    lines.push(...firstProblems.map(problemLine));
    lines.push(`all of them: GET ${problemsUrl} (with the operator token), or the operator console`);
  }
  lines.push('');
  if (run.dryRun) lines.push('a dry run is no point to sync from: the next real run reads everything, or give it --since');
  else if (run.nextSince) lines.push(`next incremental run: --since ${run.nextSince}  (or --since last)`);
  return lines;
}

function problemLine(problem: MigrationProblem): string {
  return `  ${problem.origin === 'source' ? 'badgr   ' : 'platform'} ${problem.severity.padEnd(7)} ${problem.kind} ${problem.sourceId}: ${problem.code}: ${problem.message}`;
}
