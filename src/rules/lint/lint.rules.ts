/**
 * Rule checks a schema cannot make, for packs and measure rules alike: rules that can never fire
 * (contradictory conditions, values outside a fact's range), conditions that are constant, and rules
 * shadowed by another with the same conditions and the same event.
 */
import type { FactDefinition } from '../shared/facts.catalogue';
import { conflicts, describeLiteral, dnf, factSatisfiable, type Literal } from './lint.satisfiable';
import type { LintFinding } from './lint.types';
import type { Condition } from '../tiers/pack.types';
import { isObjectRef } from '../shared/semantics.conditions';

export interface LintRule {
  readonly name: string;
  readonly priority: number;
  /** Conditions with parameters resolved. */
  readonly conditions: Condition;
  /** What the rule does, without its wording: rules with equal keys and equal conditions are duplicates. */
  readonly eventKey: string;
  /** The facts the rule reads and their domains (e.g. `scenario` limited to its measure's scenarios). */
  readonly facts: ReadonlyMap<string, FactDefinition>;
}

type Out = (f: Omit<LintFinding, 'file'>) => void;

function literals(c: Condition, path: string, neg: boolean, out: Literal[]): Literal[] {
  if ('all' in c) c.all.forEach((s, i) => literals(s, `${path}/all/${i}`, neg, out));
  else if ('any' in c) c.any.forEach((s, i) => literals(s, `${path}/any/${i}`, neg, out));
  else if ('not' in c) literals(c.not, `${path}/not`, !neg, out);
  else out.push({ leaf: c, negated: neg, path });
  return out;
}

function neverFires(r: LintRule, base: string, report: Out): boolean {
  const conjunctions = dnf(r.conditions);
  if (!conjunctions) return false;
  const found = conjunctions.map((c) => conflicts(c, r.facts));
  if (found.some((f) => f.length === 0)) return false;
  const first = found[0][0];
  const last = first.literals[first.literals.length - 1];
  const why =
    first.literals.length === 1
      ? `no value of "${first.fact}" satisfies ${describeLiteral(last)} (${domain(r.facts.get(first.fact))})`
      : `contradictory conditions on "${first.fact}": ${first.literals.map((l) => `${describeLiteral(l)} at ${base}${l.path}`).join(' and ')}`;
  const more =
    conjunctions.length > 1 ? ` (and each of the other ${conjunctions.length - 1} alternatives is impossible too)` : '';
  report({
    severity: 'error',
    code: 'never-fires',
    rule: r.name,
    path: `${base}${last.path}`,
    message: `the rule can never fire: ${why}${more}`,
  });
  return true;
}

function domain(def: FactDefinition | undefined): string {
  if (!def) return 'unknown fact';
  const nul = def.nullable ? ' or null' : '';
  if (def.type === 'number') return `a number ≥ 0${nul}`;
  if (def.values) return `one of ${def.values.join(', ')}${nul}`;
  return `a ${def.type}${nul}`;
}

function constantConditions(r: LintRule, base: string, report: Out): void {
  for (const l of literals(r.conditions, '', false, [])) {
    const def = r.facts.get(l.leaf.fact);
    if (!def || (isObjectRef(l.leaf.value) && 'fact' in l.leaf.value)) continue;
    const never = !factSatisfiable(def, [l]);
    const always = !factSatisfiable(def, [{ ...l, negated: !l.negated }]);
    if (!never && !always) continue;
    const what = never ? 'never true' : 'always true';
    report({
      severity: 'warning',
      code: 'constant-condition',
      rule: r.name,
      path: `${base}${l.path}`,
      message: `${describeLiteral(l)} is ${what} (${l.leaf.fact} is ${domain(def)})`,
    });
  }
}

/** Lint rules (index i reported at `/rules/<i>`): never-fires, constant-condition, shadowed. */
export function lintRules(rules: readonly LintRule[]): Omit<LintFinding, 'file'>[] {
  const out: Omit<LintFinding, 'file'>[] = [];
  const report: Out = (f) => out.push(f);
  rules.forEach((r, i) => {
    const base = `/rules/${i}/conditions`;
    if (!neverFires(r, base, report)) constantConditions(r, base, report);
  });
  const order = rules.map((r, i) => ({ r, i })).sort((a, b) => b.r.priority - a.r.priority || a.i - b.i);
  const seen = new Map<string, LintRule>();
  for (const { r, i } of order) {
    const key = `${r.eventKey}\u0000${JSON.stringify(r.conditions)}`;
    const earlier = seen.get(key);
    if (earlier) {
      report({
        severity: 'warning',
        code: 'shadowed',
        rule: r.name,
        path: `/rules/${i}`,
        message: `same conditions and same event as rule "${earlier.name}" (priority ${earlier.priority}): it duplicates it`,
      });
    } else seen.set(key, r);
  }
  return out;
}
