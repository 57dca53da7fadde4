import type { AppliedMeasure, Verdict } from '../../rules/measures';
import type { RecordCitation } from '../records/record.view';
import type { AuditEntryView } from '../audit/audit.types';

/** A measure as a check answers it: the catalogue entry, its legal basis, and the records behind it. */
export interface CheckMeasure extends Omit<AppliedMeasure, 'factsUsed'> {
  readonly factsUsed: readonly string[];
  /** The records in force that triggered it (记录来源), each with its publicity window. */
  readonly triggeredBy: readonly RecordCitation[];
}

export interface CheckPartyResult {
  readonly index: number;
  readonly role: string;
  /** How the caller named the party: the code, or the masked ID number; never the full ID number. */
  readonly identifier: { readonly code?: string; readonly idNumberMasked?: string };
  readonly subjectId: string | null;
  readonly name: string | null;
  readonly verdict: Verdict;
  /** One sentence an approver reads, in Chinese and English. */
  readonly statement: string;
  readonly measures: readonly CheckMeasure[];
  readonly recordsInForce: number;
  readonly tiers: ReadonlyArray<{ industry: string; tier: string; score: number; pack: string; version: string }>;
}

export interface CheckResult {
  readonly checkId: string;
  readonly checkedAt: string;
  readonly asOf: string;
  readonly caller: string;
  readonly scenario: string;
  readonly transaction: { reference: string; kind?: string; amount?: number };
  /** The worst verdict over all parties (block > restrict > scrutinise > reward > pass). */
  readonly verdict: Verdict;
  readonly parties: readonly CheckPartyResult[];
  readonly packVersions: Readonly<Record<string, string>>;
}

/** What the API answers: the check plus the receipt of its audit entry (审计回执). */
export interface CheckAnswer extends CheckResult {
  readonly audit: { readonly entryId: string; readonly seq: number; readonly hash: string; readonly algorithm: string };
  readonly replayed: boolean;
}

/**
 * The result a check's audit entry holds: ChecksService writes the CheckResult it answers as the entry's
 * response (JSON in audit_log), and only entries of kind 'check' are read back through this.
 */
export function storedCheckResult(entry: AuditEntryView): CheckResult {
  return entry.response as unknown as CheckResult;
}
