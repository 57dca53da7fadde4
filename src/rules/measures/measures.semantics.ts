/**
 * Semantic checks of the measures catalogue and the measure rules that their schemas cannot make.
 *
 * Catalogue: scenario codes, legal source ids and measure codes unique; a measure's scenarios exist; its
 * effect fits its kind (penalty: block/restrict/scrutinise; reward: facilitate); its legal basis names a
 * declared source; a PENALTY's source is verified or secondary — never a local parameter (国办发〔2020〕49号:
 * a measure that reduces rights or adds obligations must cite a law, regulation or central policy document).
 *
 * Rules: legal source ids unique; parameters name declared sources; rule names unique; the event names a
 * catalogue measure; conditions read check facts with fitting operators and values (the rule-pack checks,
 * run against the check-fact vocabulary).
 */
import { checkFactVocabulary } from '../facts/check-facts';
import { EFFECTS_OF_KIND, PENALTY_BASIS_STATUSES } from './measure-kinds';
import type { MeasureCatalogueFile, MeasureRulesFile } from './measures.types';
import type { LegalSource } from '../shared/rule.types';
import type { PackFinding } from '../shared/rules.errors';
import { ruleConditionFindings } from '../shared/semantics.conditions';

type Report = (path: string, message: string, about?: Pick<PackFinding, 'rule' | 'measure'>) => void;

function reporter(file: string, out: PackFinding[]): Report {
  return (path, message, about = {}) => out.push({ file, ...about, path, message });
}

function unique<T>(
  items: readonly T[],
  key: (t: T) => string,
  path: (i: number) => string,
  what: string,
  report: Report,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((t, i) => {
    const k = key(t);
    if (seen.has(k)) report(path(i), `duplicate ${what} "${k}"`);
    seen.add(k);
  });
  return seen;
}

export function catalogueFindings(cat: MeasureCatalogueFile, file: string): PackFinding[] {
  const out: PackFinding[] = [];
  const report = reporter(file, out);
  const scenarios = unique(
    cat.scenarios,
    (s) => s.code,
    (i) => `/scenarios/${i}/code`,
    'scenario',
    report,
  );
  unique(
    cat.legalSources,
    (s) => s.id,
    (i) => `/legalSources/${i}/id`,
    'legal source',
    report,
  );
  const sources = new Map(cat.legalSources.map((s) => [s.id, s] as const));
  const codes = new Set<string>();
  cat.measures.forEach((m, i) => {
    const p = `/measures/${i}`;
    const about = { measure: m.code };
    if (codes.has(m.code)) report(`${p}/code`, `duplicate measure code "${m.code}"`, about);
    codes.add(m.code);
    m.scenarios.forEach((s, j) => {
      if (!scenarios.has(s)) report(`${p}/scenarios/${j}`, `unknown scenario "${s}" (declare it in scenarios)`, about);
    });
    if (!EFFECTS_OF_KIND[m.kind].includes(m.effect)) {
      report(
        `${p}/effect`,
        `a ${m.kind} measure cannot have effect "${m.effect}" (allowed: ${EFFECTS_OF_KIND[m.kind].join(', ')})`,
        about,
      );
    }
    const source: LegalSource | undefined = sources.get(m.legalBasis.source);
    if (!source) {
      report(
        `${p}/legalBasis/source`,
        `legal basis names unknown source "${m.legalBasis.source}" (declare it in legalSources)`,
        about,
      );
    } else if (m.kind === 'penalty' && !(PENALTY_BASIS_STATUSES as readonly string[]).includes(source.status)) {
      report(
        `${p}/legalBasis/source`,
        `a penalty measure needs a verified or secondary legal basis; source "${source.id}" is ${source.status} (国办发〔2020〕49号)`,
        about,
      );
    }
  });
  return out;
}

export function measureRulesFindings(rules: MeasureRulesFile, cat: MeasureCatalogueFile, file: string): PackFinding[] {
  const out: PackFinding[] = [];
  const report = reporter(file, out);
  const sources = unique(
    rules.legalSources,
    (s) => s.id,
    (i) => `/legalSources/${i}/id`,
    'legal source',
    report,
  );
  for (const [name, p] of Object.entries(rules.parameters ?? {})) {
    if (!sources.has(p.source)) report(`/parameters/${name}/source`, `unknown legal source "${p.source}"`);
  }
  const measures = new Set(cat.measures.map((m) => m.code));
  const names = new Set<string>();
  rules.rules.forEach((r, i) => {
    if (names.has(r.name)) report(`/rules/${i}/name`, `duplicate rule name "${r.name}"`, { rule: r.name });
    names.add(r.name);
    const code = r.event.params.measure;
    if (!measures.has(code))
      report(`/rules/${i}/event/params/measure`, `unknown measure "${code}" (not in the measures catalogue)`, {
        rule: r.name,
      });
  });
  const ctx = {
    facts: checkFactVocabulary(cat.scenarios.map((s) => s.code)),
    vocabulary: 'the check facts',
    parameters: rules.parameters,
  };
  return [...out, ...ruleConditionFindings(rules.rules, ctx, file)];
}
