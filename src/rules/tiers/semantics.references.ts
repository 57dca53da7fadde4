/**
 * Reference checks: rule names unique; every event's legal basis names a declared legal source (a rule
 * without one must not load: 严防泛化滥用信用措施); force-tier targets exist; parameters and inspection
 * policies name declared sources; every tier has exactly one inspection policy; measures are not yet
 * supported (issue #3).
 */
import type { InspectionPolicy, RulePackFile } from './pack.types';
import type { PackFinding } from '../shared/rules.errors';
import { isObjectRef } from '../shared/semantics.conditions';
import { FACTS_BY_NAME } from '../shared/facts.catalogue';

type Report = (path: string, message: string, rule?: string) => void;

function checkSources(pack: RulePackFile, sources: Set<string>, report: Report): void {
  pack.legalSources.forEach((s, i) => {
    if (sources.has(s.id)) report(`/legalSources/${i}/id`, `duplicate legal source "${s.id}"`);
    sources.add(s.id);
  });
  for (const [name, p] of Object.entries(pack.parameters ?? {})) {
    if (!sources.has(p.source)) report(`/parameters/${name}/source`, `unknown legal source "${p.source}"`);
  }
}

function checkRules(pack: RulePackFile, sources: Set<string>, tiers: Set<string>, report: Report): void {
  const names = new Set<string>();
  pack.rules.forEach((r, i) => {
    if (names.has(r.name)) report(`/rules/${i}/name`, `duplicate rule name "${r.name}"`, r.name);
    names.add(r.name);
    const basis = r.event.params.legalBasis;
    if (!sources.has(basis.source)) {
      report(
        `/rules/${i}/event/params/legalBasis/source`,
        `legal basis names unknown source "${basis.source}" (declare it in legalSources)`,
        r.name,
      );
    }
    if (r.event.type !== 'score' && !tiers.has(r.event.params.tier)) {
      report(`/rules/${i}/event/params/tier`, `${r.event.type} names unknown tier "${r.event.params.tier}"`, r.name);
    }
  });
}

function checkNumber(
  pack: RulePackFile,
  v: InspectionPolicy['samplingRatio'],
  max: number,
  p: string,
  report: Report,
): void {
  if (!isObjectRef(v)) return;
  const name = String(v.param);
  const param = pack.parameters?.[name];
  if (!param) return report(`${p}/param`, `unknown parameter "${name}"`);
  if (param.value < 0 || param.value > max)
    report(`${p}/param`, `parameter "${name}" = ${param.value} lies outside [0, ${max}]`);
}

function checkPolicies(pack: RulePackFile, sources: Set<string>, tiers: Set<string>, report: Report): void {
  for (const t of tiers)
    if (!(t in pack.inspectionPolicy)) report('/inspectionPolicy', `no inspection policy for tier "${t}"`);
  for (const [tier, policy] of Object.entries(pack.inspectionPolicy)) {
    const p = `/inspectionPolicy/${tier}`;
    if (!tiers.has(tier)) report(p, `inspection policy for unknown tier "${tier}"`);
    if (!sources.has(policy.source)) report(`${p}/source`, `unknown legal source "${policy.source}"`);
    checkNumber(pack, policy.samplingRatio, 1, `${p}/samplingRatio`, report);
    checkNumber(pack, policy.minInspectionsPerYear, Number.MAX_VALUE, `${p}/minInspectionsPerYear`, report);
  }
}

/** membership names a declared source and gives a subject some way in; crossIndustryFacts names cross-industry facts only. */
function checkMembership(pack: RulePackFile, sources: Set<string>, report: Report): void {
  const m = pack.membership;
  if (m) {
    if (!sources.has(m.source)) report('/membership/source', `unknown legal source "${m.source}"`);
    const ways = (m.fromRecords?.length ?? 0) + (m.industryCodes?.length ?? 0);
    if (m.everySubject && ways > 0)
      report(
        '/membership',
        'everySubject already takes every subject: fromRecords and industryCodes would say nothing',
      );
  }
  for (const name of Object.keys(pack.crossIndustryFacts ?? {})) {
    const def = FACTS_BY_NAME.get(name);
    const p = `/crossIndustryFacts/${name}`;
    if (!def) report(p, `unknown fact "${name}"`);
    else if (def.scope !== 'cross-industry')
      report(p, `"${name}" is a fact of scope ${def.scope}, not cross-industry: nothing to declare`);
  }
}

export function referenceFindings(pack: RulePackFile, file: string): PackFinding[] {
  const out: PackFinding[] = [];
  const report: Report = (path, message, rule) =>
    out.push({ file, ...(rule === undefined ? {} : { rule }), path, message });
  const sources = new Set<string>();
  const tiers = new Set(pack.tiers.map((t) => t.tier));
  checkSources(pack, sources, report);
  checkRules(pack, sources, tiers, report);
  checkPolicies(pack, sources, tiers, report);
  checkMembership(pack, sources, report);
  if (pack.measures && pack.measures.length > 0)
    report('/measures', 'measures are not supported yet (issue #3): leave the array empty');
  return out;
}
