/**
 * Evaluates the compiled measure rules for one check: pure and synchronous, reading only the frozen
 * compiled rules and the given facts, so concurrent checks cannot interfere.
 */
import type { Facts } from '../shared/facts.catalogue';
import type { CompiledMeasureRule, CompiledMeasures } from './measures.compile';
import type { AppliedMeasure, MeasureEvaluation } from './measures.types';
import { CheckFactsError } from '../shared/rules.errors';
import { verdictOf } from './verdict';

/** The scenario of a check fact set; a missing or unknown scenario is a CheckFactsError (never a silent "pass"). */
export function scenarioOf(
  compiled: CompiledMeasures,
  facts: Facts,
): { scenario: string; rules: readonly CompiledMeasureRule[] } {
  const scenario = facts.scenario;
  const rules = typeof scenario === 'string' ? compiled.byScenario.get(scenario) : undefined;
  if (typeof scenario !== 'string' || !rules) {
    const known = [...compiled.byScenario.keys()].join(', ');
    const message =
      scenario === undefined
        ? 'is required'
        : `${JSON.stringify(scenario)} is not a scenario of the measures catalogue (${known})`;
    throw new CheckFactsError([{ fact: 'scenario', message }]);
  }
  return { scenario, rules };
}

/** The evaluation for the measures that apply, in evaluation order. */
export function measureEvaluation(
  compiled: CompiledMeasures,
  scenario: string,
  measures: readonly AppliedMeasure[],
): MeasureEvaluation {
  return { scenario, verdict: verdictOf(measures), measures, rulesId: compiled.id, rulesVersion: compiled.version };
}

/**
 * The measures that apply to a party in a transaction, and the verdict. `facts` must be a complete check
 * fact set (withCheckDefaults / deriveCheckFacts): a fact a rule reads that is absent throws
 * MissingFactError; an unknown scenario throws CheckFactsError.
 */
export function evaluateMeasures(compiled: CompiledMeasures, facts: Facts): MeasureEvaluation {
  const { scenario, rules } = scenarioOf(compiled, facts);
  const slots = compiled.readFacts(facts);
  const measures: AppliedMeasure[] = [];
  for (let i = 0; i < rules.length; i++) if (rules[i].test(slots)) measures.push(rules[i].applied);
  return measureEvaluation(compiled, scenario, measures);
}
