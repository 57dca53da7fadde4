/** From credit records to facts: the record vocabulary, the facts of a subject at an instant, the check facts of a party. */
export * from './record.types';
export * from './admin-info';
export * from './commitment-types';
export {
  deriveFacts,
  summariseRecords,
  factsFor,
  type FactSummary,
  inForceAt,
  recordEnd,
  withinMonths,
  wholeYears,
  fineTotal,
  taxRecordsByYear,
  inIndustryScope,
  type IndustryScope,
} from './derive-facts';
export { recordsBehind, SOURCED_FACTS, MAJOR_VIOLATION_PENALTIES, procurementMajorViolations } from './fact-sources';
export * from './check-facts';
