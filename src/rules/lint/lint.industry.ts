/**
 * 分行业 checks of a tier pack: its rules read the pack's own industry's records by default, so a
 * cross-industry fact (scope `cross-industry` in the catalogue: a list, the tax level, records of every
 * industry) must be declared in `crossIndustryFacts` with why — a fire penalty must not lower a builder's
 * construction tier by accident. A pack without `membership` tiers every subject of its kinds: a warning.
 */
import { FACTS_BY_NAME } from '../shared/facts.catalogue';
import type { Condition, ConditionValue, ParamRef } from '../shared/rule.types';
import type { RulePackFile } from '../tiers/pack.types';
import type { LintFinding } from './lint.types';

/** Every fact a condition reads, as the leaf's fact or as a `{ "fact": … }` value. */
export function factsRead(c: Condition<ConditionValue | ParamRef>, out = new Set<string>()): Set<string> {
  if ('all' in c) c.all.forEach((x) => factsRead(x, out));
  else if ('any' in c) c.any.forEach((x) => factsRead(x, out));
  else if ('not' in c) factsRead(c.not, out);
  else {
    out.add(c.fact);
    const v = c.value as unknown;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v) out.add(String(v.fact));
  }
  return out;
}

export function industryScopeFindings(pack: RulePackFile, file: string): LintFinding[] {
  const out: LintFinding[] = [];
  const declared = pack.crossIndustryFacts ?? {};
  const used = new Set<string>();
  pack.rules.forEach((r, i) => {
    for (const name of factsRead(r.conditions)) {
      if (FACTS_BY_NAME.get(name)?.scope !== 'cross-industry') continue;
      used.add(name);
      if (Object.hasOwn(declared, name)) continue;
      const own = FACTS_BY_NAME.has(`industry${name[0].toUpperCase()}${name.slice(1)}`)
        ? ` (its own industry's: industry${name[0].toUpperCase()}${name.slice(1)})`
        : '';
      out.push({
        file,
        rule: r.name,
        severity: 'error',
        code: 'cross-industry-undeclared',
        path: `/rules/${i}/conditions`,
        message: `reads the cross-industry fact "${name}" without declaring it in crossIndustryFacts with the reason${own}`,
      });
    }
  });
  for (const name of Object.keys(declared)) {
    if (!used.has(name))
      out.push({
        file,
        severity: 'warning',
        code: 'cross-industry-unused',
        path: `/crossIndustryFacts/${name}`,
        message: `"${name}" is declared but no rule reads it`,
      });
  }
  if (!pack.membership)
    out.push({
      file,
      severity: 'warning',
      code: 'membership-undeclared',
      path: '/membership',
      message: `no membership: every subject of appliesTo (${pack.appliesTo.join(', ')}) gets a ${pack.industry} tier; say which subjects the industry supervises`,
    });
  return out;
}

/** One line saying whom the pack tiers and which cross-industry facts it reads (packs:validate prints it). */
export function membershipSummary(pack: RulePackFile): string {
  const m = pack.membership;
  const who = !m
    ? `every ${pack.appliesTo.join('/')} (no membership declared)`
    : [
        m.everySubject ? `every ${pack.appliesTo.join('/')}` : '',
        m.fromRecords?.length ? `holders of ${pack.industry} ${m.fromRecords.join('/')} records in force` : '',
        m.industryCodes?.length ? `GB/T 4754 codes ${m.industryCodes.join(', ')}` : '',
        m.everySubject ? '' : 'those the department assigns',
      ]
        .filter(Boolean)
        .join('; ') + ' (less those the department excludes)';
  const cross = Object.keys(pack.crossIndustryFacts ?? {});
  return `${pack.id}: tiers ${who}; cross-industry facts: ${cross.length ? cross.join(', ') : 'none'}`;
}
