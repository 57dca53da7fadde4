/**
 * The condition operators, declared as data: which fact types each fits, what kind of value it takes,
 * and its evaluation with json-rules-engine 7.3's exact semantics
 * (node_modules/json-rules-engine/dist/engine-default-operators.js):
 * - numeric operators are false unless `Number.parseFloat(factValue)` is not NaN, then compare with `<`, `<=`…
 * - `equal`/`notEqual` are strict (`===`/`!==`);
 * - `in`/`notIn` use `value.indexOf(factValue)` (strict equality; NaN is never found);
 * - `contains`/`doesNotContain` are false unless the fact value is an array.
 */
import type { FactType } from './facts.catalogue';

/** What a condition's `value` must be for the operator. */
export type OperatorValueKind = 'scalar' | 'number' | 'list';

export interface OperatorDefinition {
  readonly name: OperatorName;
  readonly factTypes: readonly FactType[];
  readonly valueKind: OperatorValueKind;
  readonly evaluate: (factValue: unknown, value: unknown) => boolean;
}

export const OPERATOR_NAMES = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export type OperatorName = (typeof OPERATOR_NAMES)[number];

/** json-rules-engine's numberValidator: `Number.parseFloat(v).toString() !== 'NaN'`, without the string. */
export function isNumeric(v: unknown): boolean {
  if (typeof v === 'number') return v === v;
  return !Number.isNaN(Number.parseFloat(v as string));
}

type Cmp = (a: unknown, b: unknown) => boolean;
// Relational operators on unknown values keep JavaScript's coercions, exactly as the engine does.
const lt: Cmp = (a, b) => (a as number) < (b as number);
const le: Cmp = (a, b) => (a as number) <= (b as number);
const gt: Cmp = (a, b) => (a as number) > (b as number);
const ge: Cmp = (a, b) => (a as number) >= (b as number);
const indexOf = (list: unknown, item: unknown): number => (list as unknown[]).indexOf(item);

function numeric(name: OperatorName, cmp: Cmp): OperatorDefinition {
  return { name, factTypes: ['number'], valueKind: 'number', evaluate: (a, b) => isNumeric(a) && cmp(a, b) };
}

/**
 * No catalogue fact is an array, so `contains`/`doesNotContain` fit no fact type today; they are declared
 * (with their semantics) so that the loader names them instead of calling them unknown.
 */
export const OPERATORS: Readonly<Record<OperatorName, OperatorDefinition>> = {
  equal: {
    name: 'equal',
    factTypes: ['number', 'boolean', 'string'],
    valueKind: 'scalar',
    evaluate: (a, b) => a === b,
  },
  notEqual: {
    name: 'notEqual',
    factTypes: ['number', 'boolean', 'string'],
    valueKind: 'scalar',
    evaluate: (a, b) => a !== b,
  },
  in: { name: 'in', factTypes: ['number', 'string'], valueKind: 'list', evaluate: (a, b) => indexOf(b, a) > -1 },
  notIn: {
    name: 'notIn',
    factTypes: ['number', 'string'],
    valueKind: 'list',
    evaluate: (a, b) => indexOf(b, a) === -1,
  },
  contains: {
    name: 'contains',
    factTypes: [],
    valueKind: 'scalar',
    evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  },
  doesNotContain: {
    name: 'doesNotContain',
    factTypes: [],
    valueKind: 'scalar',
    evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  },
  lessThan: numeric('lessThan', lt),
  lessThanInclusive: numeric('lessThanInclusive', le),
  greaterThan: numeric('greaterThan', gt),
  greaterThanInclusive: numeric('greaterThanInclusive', ge),
};
