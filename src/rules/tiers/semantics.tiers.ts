/**
 * Tier checks: ids unique, score bands contiguous from best to worst (no gap, no overlap), the best band
 * open above, the worst covering the bottom of the scoring range, and the base inside the range.
 */
import type { RulePackFile, TierDefinition } from './pack.types';
import type { PackFinding } from '../shared/rules.errors';

type Report = (path: string, message: string) => void;

function checkScoring(pack: RulePackFile, report: Report): void {
  const { base, min, max } = pack.scoring;
  if (min !== undefined && max !== undefined && min > max) report('/scoring/min', `min ${min} is above max ${max}`);
  if ((min !== undefined && base < min) || (max !== undefined && base > max)) {
    report('/scoring/base', `base ${base} lies outside the scoring range [${min ?? '-∞'}, ${max ?? '∞'}]`);
  }
}

function checkBands(pack: RulePackFile, banded: readonly [TierDefinition, number][], report: Report): void {
  if (banded.length === 0) return report('/tiers', 'at least one tier needs a score band (minScore/maxScore)');
  banded.forEach(([t, i], k) => {
    const lo = t.minScore ?? null;
    const hi = t.maxScore ?? null;
    const isFirst = k === 0;
    const isLast = k === banded.length - 1;
    if (isFirst && hi !== null)
      report(`/tiers/${i}/maxScore`, `the best tier "${t.tier}" must be open above (maxScore null)`);
    if (!isFirst && hi === null)
      report(`/tiers/${i}/maxScore`, `only the best tier may be open above; "${t.tier}" needs a maxScore`);
    if (!isLast && lo === null)
      report(`/tiers/${i}/minScore`, `only the worst tier may be open below; "${t.tier}" needs a minScore`);
    if (lo !== null && hi !== null && lo >= hi)
      report(`/tiers/${i}/minScore`, `band of "${t.tier}" is empty: minScore ${lo} ≥ maxScore ${hi}`);
    if (!isFirst) {
      const [better] = banded[k - 1];
      const betterMin = better.minScore ?? null;
      if (hi !== null && betterMin !== null && hi !== betterMin) {
        const kind = hi < betterMin ? 'gap' : 'overlap';
        report(
          `/tiers/${i}/maxScore`,
          `${kind}: maxScore ${hi} of "${t.tier}" must equal minScore ${betterMin} of "${better.tier}"`,
        );
      }
    }
    if (isLast && lo !== null) {
      const min = pack.scoring.min;
      if (min === undefined)
        report(
          `/tiers/${i}/minScore`,
          `the worst tier "${t.tier}" must be open below (minScore null) when scoring.min is not set`,
        );
      else if (lo > min)
        report(
          `/tiers/${i}/minScore`,
          `scores from ${min} to ${lo} fall in no tier: the worst tier "${t.tier}" must start at or below scoring.min`,
        );
    }
  });
}

function checkForcedOnly(pack: RulePackFile, report: Report): void {
  pack.tiers.forEach((t, i) => {
    if (!t.forcedOnly) return;
    const reached = pack.rules.some((r) => r.event.type !== 'score' && r.event.params.tier === t.tier);
    if (!reached)
      report(
        `/tiers/${i}`,
        `forced-only tier "${t.tier}" is not the target of any force-tier or set-tier rule, so it can never be assigned`,
      );
  });
}

export function tierFindings(pack: RulePackFile, file: string): PackFinding[] {
  const out: PackFinding[] = [];
  const report: Report = (path, message) => out.push({ file, path, message });
  const seen = new Set<string>();
  pack.tiers.forEach((t, i) => {
    if (seen.has(t.tier)) report(`/tiers/${i}/tier`, `duplicate tier "${t.tier}"`);
    seen.add(t.tier);
  });
  checkScoring(pack, report);
  checkBands(
    pack,
    pack.tiers.map((t, i) => [t, i] as [TierDefinition, number]).filter(([t]) => !t.forcedOnly),
    report,
  );
  checkForcedOnly(pack, report);
  return out;
}
