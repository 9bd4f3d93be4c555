// The read benchmark's one table: a row per thing measured, a column per platform (embedded,
// distributed) and one for the bare Node ceiling, the row's target and a pass/fail mark per
// platform. Results are { perSecond, p99Ms, non2xx, note } or { note } alone for rows not measured.

/** Issue #14's targets. `check(result, { bare, plain })` is true when met; rows without one are reported only. */
export const TARGETS = {
  read: {
    text: '>= 10,000/s, >= 1/4 bare, p99 <= 20 ms',
    check: (r, { bare }) => r.perSecond >= 10_000 && r.p99Ms <= 20 && (!bare?.perSecond || r.perSecond >= bare.perSecond / 4),
  },
  // "At least as fast" as the plain GET, with 5% allowed for the noise of a shared machine.
  conditional: {
    text: '304, >= plain GET/s (-5%), p99 <= 20 ms',
    check: (r, { plain }) => r.status === 304 && plain?.perSecond > 0 && r.perSecond >= 0.95 * plain.perSecond && r.p99Ms <= 20,
  },
  verify: { text: '>= 3,000/s, p99 <= 30 ms', check: (r) => r.valid !== false && r.perSecond >= 3_000 && r.p99Ms <= 30 },
  health: { text: '>= 10,000/s', check: (r) => r.perSecond >= 10_000 },
  scale: { text: '>= 10,000/s, p99 <= 20 ms', check: (r) => r.perSecond >= 10_000 && r.p99Ms <= 20 },
  bulkRate: { text: '>= 1,000 rows/s', check: (r) => r.perSecond >= 1_000 },
  bulkReadP99: { text: 'p99 <= 50 ms', check: (r) => r.p99Ms <= 50 },
  none: { text: '(reported only)' },
};

const number = (n) => Math.round(n).toLocaleString('en-US');

export function formatResult(result, unit = '/s') {
  if (!result) return '—';
  const parts = [];
  if (Number.isFinite(result.perSecond)) parts.push(`${number(result.perSecond)}${unit}`);
  if (Number.isFinite(result.p99Ms)) parts.push(`p99 ${result.p99Ms.toFixed(1)} ms`);
  if (result.non2xx) parts.push(`${number(result.non2xx)} non-2xx/3xx`);
  if (result.timeouts) parts.push(`${number(result.timeouts)} timed out`);
  if (result.note) parts.push(result.note);
  return parts.join(', ');
}

const isMeasured = (result) => Number.isFinite(result?.perSecond) || Number.isFinite(result?.p99Ms);

/** ✓ or ✗ for one platform's result on a row, '' when there is nothing to judge. */
function mark(row, result, context) {
  const target = TARGETS[row.target];
  if (!target.check || !isMeasured(result)) return '';
  // Errors and timeouts fail a row whatever its rate: wrk leaves timed-out requests out of p99.
  return !result.non2xx && !result.timeouts && target.check(result, context) ? '✓' : '✗';
}

/**
 * `rows` = [{ name, target, unit?, plainOf? }]; `platforms` = { embedded: results, distributed?: results }
 * (results keyed by row name); `bare` = results keyed by row name.
 */
export function printReadTable(rows, platforms, bare) {
  const header = ['what', ...Object.keys(platforms), 'bare Node', 'target', 'pass'];
  const lines = rows.map((row) => {
    const cells = [row.name];
    const marks = [];
    for (const [platform, results] of Object.entries(platforms)) {
      const result = results?.[row.name];
      const context = { bare: bare[row.name], plain: row.plainOf ? results?.[row.plainOf] : undefined };
      const m = mark(row, result, context);
      cells.push(results ? `${formatResult(result, row.unit)}${m ? ` ${m}` : ''}` : 'not run');
      if (m) marks.push(`${platform[0].toUpperCase()} ${m}`);
    }
    cells.push(formatResult(bare[row.name], row.unit));
    cells.push(TARGETS[row.target].text);
    cells.push(marks.join(' ') || '—');
    return cells;
  });
  const widths = header.map((_, i) => Math.max(header[i].length, ...lines.map((cells) => cells[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cells of lines) console.log(line(cells));
}
