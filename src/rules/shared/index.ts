/**
 * What both pack pipelines (tier packs and measures) share: the fact vocabulary, the operators and the
 * condition compiler, calendar dates, JSON Schema validation, JSON file reading, the error codes.
 */
export * from './facts.catalogue';
export {
  INDUSTRY_DEFINITIONS,
  INDUSTRY_BY_ID,
  GENERAL_INDUSTRY,
  perIndustry,
  type IndustryDefinition,
} from './industries';
export * from './rules.errors';
export { addMonths, parseDate, formatDate, compareDates, daysInMonth } from './calendar';
export {
  OPERATORS,
  OPERATOR_NAMES,
  isNumeric,
  type OperatorName,
  type OperatorDefinition,
  type OperatorValueKind,
} from './operators';
export { nestedDeeperThan } from './json-depth';
export type * from './rule.types';
export type { FactSlots, Predicate } from './compile';
