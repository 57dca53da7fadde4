import { scrubDeep } from '../../common/pii';
import type { PublicCreditGrade, TaxCreditLevel } from '../../rules/shared';
import {
  inForceAt,
  type CommitmentStatus,
  type CommitmentType,
  type FactRecord,
  type InspectionResult,
  type PenaltyType,
  type RecordIndustry,
  type RecordStatus,
  type RecordType,
} from '../../rules/facts';
import type { ListKind, RecordSeverity } from '../../rules/publicity';

/** A `credit_records` row as records.store.ts selects it (dates as 'YYYY-MM-DD' text). */
export interface RecordRow {
  id: string;
  subject_id: string;
  type: RecordType;
  source: string;
  decision_number: string;
  industry: RecordIndustry;
  sector: string | null;
  severity: RecordSeverity | null;
  list_type: ListKind | null;
  list_ground: number | null;
  tax_level: TaxCreditLevel | null;
  tax_year: number | null;
  public_credit_grade: PublicCreditGrade | null;
  decision_date: string;
  publicity_min_end: string | null;
  publicity_end: string | null;
  valid_until: string | null;
  rule_version: string | null;
  penalty_types: PenaltyType[];
  fine_amount: string | null;
  commitment_status: CommitmentStatus | null;
  commitment_status_date: string | null;
  commitment_type: CommitmentType | null;
  inspection_result: InspectionResult | null;
  status: RecordStatus;
  revoked_at: string | null;
  revocation_reason: string | null;
  repaired_at: string | null;
  ended_at: string | null;
  details: Record<string, unknown>;
  content_hash: string;
  created_at: Date;
  updated_at: Date;
}

/** The columns of a record the facts read (a batch reads no more). */
export type FactRow = Pick<
  RecordRow,
  | 'id'
  | 'subject_id'
  | 'type'
  | 'industry'
  | 'severity'
  | 'list_type'
  | 'list_ground'
  | 'tax_level'
  | 'tax_year'
  | 'public_credit_grade'
  | 'decision_date'
  | 'publicity_end'
  | 'valid_until'
  | 'penalty_types'
  | 'fine_amount'
  | 'commitment_status'
  | 'commitment_status_date'
  | 'commitment_type'
  | 'inspection_result'
  | 'status'
  | 'revoked_at'
  | 'repaired_at'
  | 'ended_at'
>;

/** How a check cites a record that triggered a measure: what it is and its publicity window (公示期). */
export interface RecordCitation {
  readonly id: string;
  readonly type: RecordType;
  readonly source: string;
  readonly decisionNumber: string;
  readonly industry: RecordIndustry;
  readonly listType: ListKind | null;
  readonly severity: RecordSeverity | null;
  readonly taxLevel: TaxCreditLevel | null;
  readonly decisionDate: string;
  readonly publicityMinEnd: string | null;
  readonly publicityEnd: string | null;
  readonly ruleVersion: string | null;
}

export function toCitation(r: RecordRow): RecordCitation {
  return {
    id: r.id,
    type: r.type,
    source: r.source,
    decisionNumber: r.decision_number,
    industry: r.industry,
    listType: r.list_type,
    severity: r.severity,
    taxLevel: r.tax_level,
    decisionDate: r.decision_date,
    publicityMinEnd: r.publicity_min_end,
    publicityEnd: r.publicity_end ?? r.valid_until,
    ruleVersion: r.rule_version,
  };
}

/** A record as the API answers it. */
export interface RecordView {
  readonly id: string;
  readonly subjectId: string;
  readonly type: RecordType;
  readonly source: string;
  readonly decisionNumber: string;
  readonly industry: RecordIndustry;
  readonly sector: string | null;
  readonly severity: RecordSeverity | null;
  readonly listType: ListKind | null;
  /** 失信被执行人: the ground of 法释〔2017〕7号 Art. 1 (1–6); null otherwise or when not recorded. */
  readonly listGround: number | null;
  readonly taxLevel: TaxCreditLevel | null;
  readonly taxYear: number | null;
  /** 公共信用综合评价结果 of a public_credit record. */
  readonly publicCreditGrade: PublicCreditGrade | null;
  readonly decisionDate: string;
  readonly publicityMinEnd: string | null;
  readonly publicityEnd: string | null;
  readonly validUntil: string | null;
  readonly ruleVersion: string | null;
  readonly penaltyTypes: PenaltyType[];
  readonly fineAmount: number | null;
  readonly commitmentStatus: CommitmentStatus | null;
  readonly commitmentStatusDate: string | null;
  /** 承诺类型 of a commitment record (notify_commit … credit_repair); null for other records. */
  readonly commitmentType: CommitmentType | null;
  readonly inspectionResult: InspectionResult | null;
  readonly status: RecordStatus;
  readonly revokedAt: string | null;
  readonly revocationReason: string | null;
  readonly repairedAt: string | null;
  readonly endedAt: string | null;
  readonly details: Record<string, unknown>;
  readonly contentHash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** In force at the `asOf` of the request (records decided by then, not ended, revoked or repaired). */
  readonly inForce?: boolean;
}

export function toFactRecord(r: FactRow): FactRecord {
  return {
    id: r.id,
    type: r.type,
    industry: r.industry,
    severity: r.severity,
    listType: r.list_type,
    listGround: r.list_ground,
    taxLevel: r.tax_level,
    taxYear: r.tax_year,
    publicCreditGrade: r.public_credit_grade,
    decisionDate: r.decision_date,
    publicityEnd: r.publicity_end,
    validUntil: r.valid_until,
    status: r.status,
    revokedAt: r.revoked_at,
    repairedAt: r.repaired_at,
    endedAt: r.ended_at,
    penaltyTypes: r.penalty_types,
    fineAmount: r.fine_amount === null ? null : Number(r.fine_amount),
    commitmentStatus: r.commitment_status,
    commitmentStatusDate: r.commitment_status_date,
    commitmentType: r.commitment_type,
    inspectionResult: r.inspection_result,
  };
}

export function toView(r: RecordRow, asOf?: string): RecordView {
  const f = toFactRecord(r);
  return {
    id: r.id,
    subjectId: r.subject_id,
    type: r.type,
    source: r.source,
    decisionNumber: r.decision_number,
    industry: r.industry,
    sector: r.sector,
    severity: r.severity,
    listType: r.list_type,
    listGround: r.list_ground,
    taxLevel: r.tax_level,
    taxYear: r.tax_year,
    publicCreditGrade: r.public_credit_grade,
    decisionDate: r.decision_date,
    publicityMinEnd: r.publicity_min_end,
    publicityEnd: r.publicity_end,
    validUntil: r.valid_until,
    ruleVersion: r.rule_version,
    penaltyTypes: r.penalty_types,
    fineAmount: f.fineAmount ?? null,
    commitmentStatus: r.commitment_status,
    commitmentStatusDate: r.commitment_status_date,
    commitmentType: r.commitment_type,
    inspectionResult: r.inspection_result,
    status: r.status,
    revokedAt: r.revoked_at,
    revocationReason: r.revocation_reason,
    repairedAt: r.repaired_at,
    endedAt: r.ended_at,
    details: scrubDeep(r.details),
    contentHash: r.content_hash,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    ...(asOf ? { inForce: inForceAt(f, asOf) } : {}),
  };
}
