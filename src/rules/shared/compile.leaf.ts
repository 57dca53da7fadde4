/**
 * Leaf predicates over fact slots. The common shapes (a numeric comparison or (in)equality with a
 * literal) get their own closures, so the hot path needs no indirect operator call; their results are
 * exactly OPERATORS[op].evaluate's (for a number fact value, json-rules-engine's numberValidator is
 * "not NaN", and every comparison with NaN is false anyway). Other shapes use the generic evaluator.
 */
import type { FactValue } from './facts.catalogue';
import { OPERATORS, isNumeric, type OperatorName } from './operators';

export type FactSlots = readonly FactValue[];
export type Predicate = (slots: FactSlots) => boolean;

function literalNumeric(op: OperatorName, i: number, b: number): Predicate | undefined {
  switch (op) {
    case 'lessThan':
      return (v) => {
        const a = v[i];
        return typeof a === 'number' ? a < b : isNumeric(a) && Number(a) < b;
      };
    case 'lessThanInclusive':
      return (v) => {
        const a = v[i];
        return typeof a === 'number' ? a <= b : isNumeric(a) && Number(a) <= b;
      };
    case 'greaterThan':
      return (v) => {
        const a = v[i];
        return typeof a === 'number' ? a > b : isNumeric(a) && Number(a) > b;
      };
    case 'greaterThanInclusive':
      return (v) => {
        const a = v[i];
        return typeof a === 'number' ? a >= b : isNumeric(a) && Number(a) >= b;
      };
    case 'equal':
    case 'notEqual':
    case 'in':
    case 'notIn':
    case 'contains':
    case 'doesNotContain':
      return undefined;
  }
}

/** A literal comparison `slots[i] <op> value`. */
export function literalLeaf(op: OperatorName, i: number, value: unknown): Predicate {
  if (op === 'equal') return (v) => v[i] === value;
  if (op === 'notEqual') return (v) => v[i] !== value;
  const numeric = typeof value === 'number' ? literalNumeric(op, i, value) : undefined;
  if (numeric) return numeric;
  const evaluate = OPERATORS[op].evaluate;
  return (v) => evaluate(v[i], value);
}

/** A comparison of two facts `slots[i] <op> slots[j]`. */
export function factLeaf(op: OperatorName, i: number, j: number): Predicate {
  const evaluate = OPERATORS[op].evaluate;
  return (v) => evaluate(v[i], v[j]);
}
