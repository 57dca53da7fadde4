/**
 * A validated row → the columns stored: defaults filled in, the publicity window computed (domain.md
 * §4, with the rule version kept), free text scrubbed of ID numbers, and a hash of the whole so that a
 * re-import of the same content writes nothing. Pure.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';
import { scrubIdNumbers } from '../../common/pii';
import {
  listEntryEnd,
  penaltyPublicityWindow,
  publicityRuleVersion,
  type PublicitySector,
} from '../../rules/publicity';
import {
  adminInfoPublicityEnd,
  DEFAULT_COMMITMENT_TYPE,
  isAdminInfoType,
  PENALTY_TYPES,
  type RecordStatus,
} from '../../rules/facts';
import type { RecordRowDto } from './dto/record-row.dto';
import { SECTORS_BY_INDUSTRY } from './record-rules';

/** Columns of `credit_records` written by an import (everything but id, revocation by API, timestamps). */
export interface RecordColumns extends NormalisedRecord {
  readonly subject_id: string;
}

/** The columns that come from the row itself; content_hash covers them and the subject's identity. */
export interface NormalisedRecord {
  readonly type: string;
  readonly source: string;
  readonly decision_number: string;
  readonly industry: string;
  readonly sector: string;
  readonly severity: string | null;
  readonly list_type: string | null;
  readonly list_ground: number | null;
  readonly tax_level: string | null;
  readonly tax_year: number | null;
  readonly public_credit_grade: string | null;
  readonly decision_date: string;
  readonly publicity_min_end: string | null;
  readonly publicity_end: string | null;
  readonly valid_until: string | null;
  readonly rule_version: string | null;
  readonly penalty_types: string[];
  readonly fine_amount: string | null;
  readonly commitment_status: string | null;
  readonly commitment_status_date: string | null;
  readonly commitment_type: string | null;
  readonly inspection_result: string | null;
  readonly status: RecordStatus;
  readonly revoked_at: string | null;
  readonly revocation_reason: string | null;
  readonly repaired_at: string | null;
  readonly ended_at: string | null;
  readonly details: Record<string, string | number | boolean>;
  readonly content_hash: string;
}

const DETAIL_FIELDS = [
  'legalRepresentative',
  'violationType',
  'violationFacts',
  'legalBasis',
  'content',
  'authority',
  'authorityUscc',
  'sourceUscc',
  'confiscationAmount',
  'penaltyEndDate',
  'project',
  'licenceCode',
  'approvalCategory',
  'validFrom',
  'enforcementMeasure',
  'awardName',
  'awardLevel',
  'remarks',
] as const;

const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

function statusOf(r: RecordRowDto): RecordStatus {
  if (r.revokedAt) return 'revoked';
  if (r.repairedAt) return 'repaired';
  if (r.endedAt) return 'ended';
  return 'active';
}

function publicity(
  r: RecordRowDto,
  sector: PublicitySector,
): Pick<RecordColumns, 'publicity_min_end' | 'publicity_end' | 'rule_version'> & { published: boolean } {
  if (r.type === 'penalty' && r.severity) {
    const w = penaltyPublicityWindow({ decisionDate: r.decisionDate, severity: r.severity, sector });
    return {
      publicity_min_end: w.minEnd,
      publicity_end: w.maxEnd,
      rule_version: w.ruleVersion,
      published: w.publishedByDefault,
    };
  }
  if (r.type === 'list_entry' && r.listType) {
    const end = listEntryEnd({
      list: r.listType,
      listedDate: r.decisionDate,
      endDate: r.listEndDate ?? null,
      ground: r.listGround ?? null,
    });
    return {
      publicity_min_end: null,
      publicity_end: end,
      rule_version: publicityRuleVersion(r.decisionDate),
      published: true,
    };
  }
  // 行政强制、行政奖励、行政确认、行政裁决、行政监督检查: no national period was read; the local parameter
  // ADMIN_INFO_PUBLICITY_MONTHS (admin-info.ts) gives the end, and no rule version is stored.
  if (isAdminInfoType(r.type)) {
    const end = adminInfoPublicityEnd(r.type, r.decisionDate);
    return { publicity_min_end: null, publicity_end: end, rule_version: null, published: true };
  }
  return { publicity_min_end: null, publicity_end: null, rule_version: null, published: true };
}

function detailsOf(r: RecordRowDto, published: boolean): RecordColumns['details'] {
  const out: Record<string, string | number | boolean> = {};
  for (const f of DETAIL_FIELDS) {
    const v = r[f];
    if (v === undefined || v === null) continue;
    out[f] = typeof v === 'string' ? scrubIdNumbers(v) : v;
  }
  // 令第36号: a minor (轻微) record is in principle not published; it is still shared and counted.
  if (!published) out.publishedByDefault = false;
  return out;
}

/**
 * `subjectIdentity` names the subject without its database id (its code, or the keyed hash of an ID
 * number), so that an unchanged row is recognised before its subject is looked up.
 */
export function normaliseRecord(r: RecordRowDto, subjectIdentity: string): NormalisedRecord {
  const industry = r.industry ?? (r.type === 'tax_credit' ? 'tax' : 'general');
  const sector = (r.sector ?? SECTORS_BY_INDUSTRY[industry][0]) as PublicitySector;
  const { published, ...window } = publicity(r, sector);
  const cols: Omit<NormalisedRecord, 'content_hash'> = {
    type: r.type,
    source: r.source,
    decision_number: r.decisionNumber,
    industry,
    sector,
    severity: orNull(r.severity),
    list_type: orNull(r.listType),
    list_ground: orNull(r.listGround),
    tax_level: orNull(r.taxLevel),
    tax_year: orNull(r.taxYear),
    public_credit_grade: orNull(r.publicCreditGrade),
    decision_date: r.decisionDate,
    ...window,
    valid_until: orNull(r.validUntil),
    penalty_types: PENALTY_TYPES.filter((t) => r.penaltyTypes?.includes(t)),
    fine_amount: r.fineAmount === undefined || r.fineAmount === null ? null : r.fineAmount.toFixed(4),
    commitment_status: orNull(r.commitmentStatus),
    commitment_status_date: orNull(r.commitmentStatusDate),
    // 承诺类型: a commitment without one is a notify-and-commit one (告知承诺), as every commitment before the type.
    commitment_type: r.type === 'commitment' ? (r.commitmentType ?? DEFAULT_COMMITMENT_TYPE) : null,
    inspection_result: orNull(r.inspectionResult),
    status: statusOf(r),
    revoked_at: orNull(r.revokedAt),
    revocation_reason: r.revocationReason ? scrubIdNumbers(r.revocationReason) : null,
    repaired_at: orNull(r.repairedAt),
    ended_at: orNull(r.endedAt),
    details: detailsOf(r, published),
  };
  // A column added later (public_credit_grade, commitment_type, issue 18) enters the hash only when set (the
  // commitment type: when not the default notify_commit): the hash of every earlier record stays what it was, so a
  // re-import of an unchanged row still writes nothing.
  const { public_credit_grade: grade, commitment_type: commitmentType, ...hashed } = cols;
  return {
    ...cols,
    content_hash: createHash('sha256')
      .update(
        canonicalJson({
          subject: subjectIdentity,
          ...hashed,
          ...(grade === null ? {} : { public_credit_grade: grade }),
          ...(commitmentType === null || commitmentType === DEFAULT_COMMITMENT_TYPE
            ? {}
            : { commitment_type: commitmentType }),
        }),
      )
      .digest('hex'),
  };
}
