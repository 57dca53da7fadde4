/**
 * Semantic checks of rule conditions that a JSON Schema cannot make: the fact exists in the catalogue,
 * the operator fits the fact's type, and the value fits both (lists for in/notIn, numbers for numeric
 * comparisons, strings within the fact's allowed values, fact and parameter references resolvable).
 */
import type { FactDefinition } from './facts.catalogue';
import { OPERATORS } from './operators';
import type { Condition, ConditionValue, LeafCondition, ParamRef, TopLevelCondition } from './rule.types';
import type { PackFinding } from './rules.errors';

type AuthoredValue = ConditionValue | ParamRef;
type Report = (path: string, message: string) => void;

/** What conditions are checked against: a fact vocabulary (the fact catalogue, or the check facts) and the file's parameters. */
export interface ConditionContext {
  readonly facts: ReadonlyMap<string, FactDefinition>;
  /** Named in messages, e.g. "the fact catalogue". */
  readonly vocabulary: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export const isObjectRef = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function scalarProblem(def: FactDefinition, v: unknown): string | undefined {
  if (v === null) return def.nullable ? undefined : `fact "${def.name}" is never null`;
  if (typeof v !== def.type)
    return `value ${JSON.stringify(v)} is not a ${def.type} (fact "${def.name}" is a ${def.type})`;
  if (typeof v === 'string' && def.values && !def.values.includes(v)) {
    return `value "${v}" is not one of the values of "${def.name}": ${def.values.join(', ')}`;
  }
  return undefined;
}

function checkValue(
  ctx: ConditionContext,
  leaf: LeafCondition<AuthoredValue>,
  def: FactDefinition,
  p: string,
  report: Report,
): void {
  const kind = OPERATORS[leaf.operator].valueKind;
  const v = leaf.value;
  if (isObjectRef(v) && 'fact' in v) {
    if (kind === 'list') return report(`${p}/value`, `"${leaf.operator}" needs a literal list, not a fact reference`);
    const ref = ctx.facts.get(String(v.fact));
    if (!ref) return report(`${p}/value/fact`, `unknown fact "${String(v.fact)}" (not in ${ctx.vocabulary})`);
    if (ref.type !== def.type)
      report(`${p}/value/fact`, `fact "${ref.name}" is a ${ref.type}, "${def.name}" is a ${def.type}`);
    return;
  }
  if (isObjectRef(v) && 'param' in v) {
    if (def.type !== 'number' || kind === 'list') {
      return report(
        `${p}/value`,
        `a parameter (a number) cannot be compared with "${leaf.operator}" to ${def.type} fact "${def.name}"`,
      );
    }
    if (!ctx.parameters || !(String(v.param) in ctx.parameters))
      report(`${p}/value/param`, `unknown parameter "${String(v.param)}"`);
    return;
  }
  if (kind === 'list') {
    if (!Array.isArray(v)) return report(`${p}/value`, `"${leaf.operator}" needs a list of values`);
    v.forEach((item: unknown, i: number) => {
      const problem = scalarProblem(def, item);
      if (problem) report(`${p}/value/${i}`, problem);
    });
    return;
  }
  if (Array.isArray(v)) return report(`${p}/value`, `"${leaf.operator}" needs a single value, not a list`);
  if (kind === 'number' && typeof v !== 'number') return report(`${p}/value`, `"${leaf.operator}" needs a number`);
  const problem = scalarProblem(def, v);
  if (problem) report(`${p}/value`, problem);
}

function checkLeaf(ctx: ConditionContext, leaf: LeafCondition<AuthoredValue>, p: string, report: Report): void {
  const def = ctx.facts.get(leaf.fact);
  if (!def) return report(`${p}/fact`, `unknown fact "${leaf.fact}" (not in ${ctx.vocabulary})`);
  const op = OPERATORS[leaf.operator];
  if (!op.factTypes.includes(def.type)) {
    const fits = op.factTypes.length ? `${op.factTypes.join('/')} facts` : 'no catalogue fact';
    return report(
      `${p}/operator`,
      `operator "${op.name}" does not fit ${def.type} fact "${def.name}" (it fits ${fits})`,
    );
  }
  checkValue(ctx, leaf, def, p, report);
}

function walk(ctx: ConditionContext, c: Condition<AuthoredValue>, p: string, report: Report): void {
  if ('all' in c) c.all.forEach((s, i) => walk(ctx, s, `${p}/all/${i}`, report));
  else if ('any' in c) c.any.forEach((s, i) => walk(ctx, s, `${p}/any/${i}`, report));
  else if ('not' in c) walk(ctx, c.not, `${p}/not`, report);
  else checkLeaf(ctx, c, p, report);
}

/** Condition findings of `rules` (at `/rules/<i>/conditions`) against any fact vocabulary. */
export function ruleConditionFindings(
  rules: readonly { readonly name: string; readonly conditions: TopLevelCondition<AuthoredValue> }[],
  ctx: ConditionContext,
  file: string,
): PackFinding[] {
  const out: PackFinding[] = [];
  rules.forEach((rule, i) => {
    walk(ctx, rule.conditions, `/rules/${i}/conditions`, (path, message) =>
      out.push({ file, rule: rule.name, path, message }),
    );
  });
  return out;
}
