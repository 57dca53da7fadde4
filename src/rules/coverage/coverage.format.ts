/** Plain-text report of golden-case coverage, one block per pack. */
import type { Coverage } from './coverage';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatCoverage(c: Coverage): string[] {
  const lines = [
    `${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: cases ${c.passed} passed, ${c.failed.length} failed; rules ${c.rules.fired}/${c.rules.total} fired (${pct(c.rules.ratio)}, minimum ${pct(c.minRules)})`,
  ];
  for (const o of c.outcomes) lines.push(`     ${o.kind} reached ${o.reached.length}/${o.reached.length + o.unreached.length}: ${o.reached.join(', ') || '-'}`);
  if (c.rules.unreached.length > 0) lines.push(`     rules no case fires: ${c.rules.unreached.join(', ')}`);
  for (const o of c.outcomes) if (o.unreached.length > 0) lines.push(`     ${o.kind} no case reaches: ${o.unreached.join(', ')}`);
  if (c.rules.ratio < c.minRules) lines.push(`     rule coverage ${pct(c.rules.ratio)} is under the threshold ${pct(c.minRules)} (coverage.minRules)`);
  for (const f of c.failed) lines.push(`     case failed: ${f.name}`, `       expected ${JSON.stringify(f.expected)}`, `       actual   ${JSON.stringify(f.actual)}`);
  return lines;
}
