/**
 * Records stored under the old behaviour that the law contradicts (issue 14): list entries of a list whose
 * law fixes a term but stored open-ended or out of its bounds, 失信被执行人 listings without their ground,
 * penalties whose grade contradicts their penalty types (令第36号). Pure: the same rules the import applies
 * (list-terms.ts, severity.ts), read against what was stored. Nothing is rewritten: the department corrects
 * the record by re-import (an audited update).
 */
import { listTermErrors } from '../publicity/list-terms';
import type { ListKind, RecordSeverity } from '../publicity/publicity';
import { severityContradiction } from '../publicity/severity';

export interface StoredRecordForLaw {
  readonly id: string;
  readonly source: string;
  readonly decisionNumber: string;
  readonly type: string;
  readonly listType: ListKind | null;
  readonly listGround: number | null;
  readonly severity: RecordSeverity | null;
  readonly penaltyTypes: readonly string[];
  readonly fineAmount: number | null;
  readonly decisionDate: string;
  readonly publicityEnd: string | null;
}

export type LegalFindingCode = 'list_term' | 'court_ground_missing' | 'severity_contradicts_penalty';

export interface LegalFinding {
  readonly recordId: string;
  readonly department: string;
  readonly decisionNumber: string;
  readonly code: LegalFindingCode;
  readonly field: string;
  readonly reason: string;
}

export function legalFindingsOf(r: StoredRecordForLaw): LegalFinding[] {
  const base = { recordId: r.id, department: r.source, decisionNumber: r.decisionNumber };
  if (r.type === 'list_entry' && r.listType) {
    return listTermErrors({
      list: r.listType,
      listedDate: r.decisionDate,
      // A court listing stored before grounds were kept got a 2-year end by default: only the ground is at issue.
      endDate: r.listType === 'court_defaulter' && r.listGround === null ? null : r.publicityEnd,
      ground: r.listGround,
    }).map((e) => ({
      ...base,
      code: e.field === 'listGround' ? ('court_ground_missing' as const) : ('list_term' as const),
      field: e.field,
      reason:
        e.field === 'listGround'
          ? `${e.reason}; stored without it, the listing was given a 2-year end that holds only for grounds 2–6`
          : e.reason,
    }));
  }
  if (r.type === 'penalty' && r.severity && r.penaltyTypes.length) {
    const reason = severityContradiction(r.severity, r.penaltyTypes, r.fineAmount);
    if (reason) return [{ ...base, code: 'severity_contradicts_penalty', field: 'severity', reason }];
  }
  return [];
}
