/**
 * Rules across fields of one validated row (the field-by-field rules are the DTO's decorators). Pure:
 * `today` is passed in, so the "not in the future" rule is testable with a pinned clock.
 */
import type { FieldError } from '../../common/problem';
import type { RecordType } from '../../rules/facts';
import { listTermErrors, severityContradiction } from '../../rules/publicity';
import { INDUSTRY_DEFINITIONS } from '../../rules/shared';
import type { RecordRowDto, RecordRowField } from './dto/record-row.dto';

/** Fields that only make sense on some record types. */
const TYPE_ONLY: Partial<Record<RecordRowField, readonly RecordType[]>> = {
  severity: ['penalty', 'list_entry'],
  listType: ['list_entry'],
  listEndDate: ['list_entry'],
  listGround: ['list_entry'],
  taxLevel: ['tax_credit'],
  taxYear: ['tax_credit'],
  publicCreditGrade: ['public_credit'],
  penaltyTypes: ['penalty'],
  fineAmount: ['penalty'],
  confiscationAmount: ['penalty'],
  penaltyEndDate: ['penalty'],
  validUntil: ['licence'],
  validFrom: ['licence'],
  licenceCode: ['licence'],
  approvalCategory: ['licence'],
  commitmentStatus: ['commitment'],
  commitmentStatusDate: ['commitment'],
  commitmentType: ['commitment'],
  inspectionResult: ['inspection'],
  enforcementMeasure: ['admin_enforcement'],
  awardName: ['admin_reward'],
  awardLevel: ['admin_reward'],
};

/** Sectors allowed under each industry; the first is the default. */
export const SECTORS_BY_INDUSTRY: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(INDUSTRY_DEFINITIONS.map((d) => [d.id, d.sectors])),
  general: ['other', 'special_equipment', 'work_safety'],
};

const ID_LIKE = /\d{17}[\dXx]|\d{15}/;
const present = (v: unknown): boolean => v !== undefined && v !== null;

export function rowRuleErrors(r: RecordRowDto, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: RecordRowField, reason: string): void => void errors.push({ field, reason });
  const need = (field: RecordRowField, what: string): void => {
    if (!present(r[field])) fail(field, `is required for ${what}`);
  };

  for (const [field, types] of Object.entries(TYPE_ONLY) as [RecordRowField, RecordType[]][]) {
    if (present(r[field]) && !types.includes(r.type))
      fail(field, `applies only to type ${types.join(' or ')}, not ${r.type}`);
  }
  // Subject identity: exactly one identifier, matching the kind.
  if (present(r.subjectCode) === present(r.subjectIdNumber)) {
    fail(
      present(r.subjectCode) ? 'subjectIdNumber' : 'subjectCode',
      'give exactly one of subjectCode (统一社会信用代码) or subjectIdNumber (公民身份号码)',
    );
  } else if (r.subjectKind === 'natural_person' && present(r.subjectCode)) {
    fail('subjectCode', 'must be absent for subjectKind natural_person (自然人): give subjectIdNumber');
  } else if (r.subjectKind && r.subjectKind !== 'natural_person' && present(r.subjectIdNumber)) {
    fail('subjectIdNumber', `must be absent for subjectKind ${r.subjectKind}: give subjectCode`);
  }
  if (r.legalRepresentative && ID_LIKE.test(r.legalRepresentative))
    fail('legalRepresentative', 'must be the name only, not an ID number');
  if (r.sector && !(SECTORS_BY_INDUSTRY[r.industry ?? 'general'] ?? []).includes(r.sector)) {
    fail(
      'sector',
      `must be one of ${SECTORS_BY_INDUSTRY[r.industry ?? 'general'].join(', ')} for industry ${r.industry ?? 'general'}`,
    );
  }
  if (r.revocationReason && !r.revokedAt) fail('revocationReason', 'is allowed only with revokedAt');

  // Dates: real (DTO), never in the future where they record something that happened.
  const notFuture = (field: RecordRowField, v: string | undefined): void => {
    if (v && v > today) fail(field, `must not be in the future (today is ${today}, China Standard Time)`);
  };
  const notBeforeDecision = (field: RecordRowField, v: string | undefined, strict = false): void => {
    if (v && (strict ? v <= r.decisionDate : v < r.decisionDate))
      fail(field, `must be ${strict ? 'after' : 'on or after'} decisionDate`);
  };
  for (const f of [
    'decisionDate',
    'subjectRegisteredOn',
    'revokedAt',
    'repairedAt',
    'endedAt',
    'commitmentStatusDate',
  ] as const)
    notFuture(f, r[f]);
  for (const f of ['revokedAt', 'repairedAt', 'endedAt', 'commitmentStatusDate', 'penaltyEndDate'] as const)
    notBeforeDecision(f, r[f]);
  notBeforeDecision('listEndDate', r.listEndDate, true);
  notBeforeDecision('validUntil', r.validUntil, true);

  switch (r.type) {
    case 'penalty':
      need('severity', 'a penalty (行政处罚: minor / general / serious) unless 令第36号 fixes it by the penalty types');
      if (!r.penaltyTypes?.length) fail('penaltyTypes', 'is required for a penalty: at least one 处罚类别');
      if (r.severity && r.penaltyTypes?.length) {
        const contradiction = severityContradiction(r.severity, r.penaltyTypes, r.fineAmount);
        if (contradiction) fail('severity', contradiction);
      }
      if (
        r.penaltyTypes?.includes('fine') &&
        !(r.fineAmount !== undefined && r.fineAmount !== null && r.fineAmount > 0)
      ) {
        fail('fineAmount', 'is required (> 0, 万元) when penaltyTypes includes fine');
      }
      if (r.fineAmount && !r.penaltyTypes?.includes('fine')) fail('fineAmount', 'needs fine among penaltyTypes');
      break;
    case 'list_entry':
      need('listType', 'a list entry (名单)');
      if (r.listType === 'red_list' && present(r.severity)) fail('severity', 'does not apply to red_list (守信红名单)');
      if (r.listType && r.listType !== 'red_list') need('severity', 'a negative list entry (失信名单)');
      if (r.listType && !errors.some((e) => e.field === 'listEndDate' || e.field === 'decisionDate'))
        for (const e of listTermErrors({
          list: r.listType,
          listedDate: r.decisionDate,
          endDate: r.listEndDate ?? null,
          ground: r.listGround ?? null,
        }))
          fail(e.field, e.reason);
      break;
    case 'tax_credit':
      need('taxLevel', 'a tax credit record (纳税信用级别 A/B/M/C/D)');
      need('taxYear', 'a tax credit record (评价年度)');
      if (r.taxYear && r.taxYear > Number(r.decisionDate.slice(0, 4)))
        fail('taxYear', 'must not be after the year of decisionDate (publication)');
      break;
    case 'commitment':
      need('commitmentStatus', 'a commitment (信用承诺)');
      if (r.commitmentStatus === 'pending' && present(r.commitmentStatusDate))
        fail('commitmentStatusDate', 'must be absent while pending');
      if (r.commitmentStatus && r.commitmentStatus !== 'pending')
        need('commitmentStatusDate', `a ${r.commitmentStatus} commitment`);
      break;
    case 'inspection':
      need('inspectionResult', 'an inspection (检查结果)');
      break;
    case 'public_credit':
      need('publicCreditGrade', 'a public credit rating (公共信用综合评价结果 A/B/C/D)');
      break;
    // The other administrative information (行政管理信息, admin-info.ts): what the national platform shows of each
    // kind beside the common fields (合规 checks; the district plan asks a 100 % 合规率 of them).
    case 'admin_enforcement':
      need('enforcementMeasure', 'a 行政强制 record (强制措施或执行方式, 行政强制法 Arts. 9, 12)');
      need('legalBasis', 'a 行政强制 record (强制依据)');
      need('content', 'a 行政强制 record (强制内容: what was sealed, seized, frozen or executed)');
      break;
    case 'admin_reward':
      need('awardName', 'a 行政奖励 record (奖励名称)');
      need('awardLevel', 'a 行政奖励 record (奖励级别)');
      need('content', 'a 行政奖励 record (奖励内容)');
      break;
    case 'admin_confirmation':
      need('content', 'a 行政确认 record (确认内容)');
      need('legalBasis', 'a 行政确认 record (确认依据)');
      break;
    case 'admin_adjudication':
      need('content', 'a 行政裁决 record (裁决内容: the dispute and the ruling)');
      need('legalBasis', 'a 行政裁决 record (裁决依据)');
      break;
    case 'admin_supervision':
      need('content', 'a 行政监督检查 record (检查内容及结果)');
      break;
    case 'licence':
      break;
  }
  return errors;
}
