/**
 * Column headers and cell values of a "双公示" export as offices have them: the Chinese column titles of the
 * national data standard for administrative penalty and licence information (行政相对人名称, 统一社会信用代码,
 * 行政处罚决定书文号, 处罚类别, 处罚决定日期 …) beside the record's own field names, Chinese penalty types
 * (罚款, 吊销许可证件 …) and dates written 2025/3/10, 2025.3.10 or 2025年3月10日.
 */
import type { RecordRowField } from './dto/record-row.dto';
import { PENALTY_TYPES, type PenaltyType } from '../../rules/facts';
import { ADMIN_INFO_ALIASES } from './import-admin-info';

/** A header as compared: NFKC (full-width brackets and digits), no blanks. */
export const normaliseHeader = (h: string): string => h.normalize('NFKC').replace(/\s+/g, '');

const ALIASES: Record<string, RecordRowField> = {
  行政相对人名称: 'subjectName',
  相对人名称: 'subjectName',
  统一社会信用代码: 'subjectCode',
  '行政相对人代码_1(统一社会信用代码)': 'subjectCode',
  证件号码: 'subjectIdNumber',
  国民经济行业分类代码: 'subjectIndustryCode',
  国民经济行业代码: 'subjectIndustryCode',
  行业代码: 'subjectIndustryCode',
  法定代表人: 'legalRepresentative',
  '法定代表人(负责人)': 'legalRepresentative',
  违法行为类型: 'violationType',
  违法事实: 'violationFacts',
  处罚依据: 'legalBasis',
  许可依据: 'legalBasis',
  处罚内容: 'content',
  许可内容: 'content',
  处罚机关: 'authority',
  许可机关: 'authority',
  处罚机关统一社会信用代码: 'authorityUscc',
  许可机关统一社会信用代码: 'authorityUscc',
  数据来源单位: 'source',
  数据来源单位统一社会信用代码: 'sourceUscc',
  行政处罚决定书文号: 'decisionNumber',
  行政许可决定文书号: 'decisionNumber',
  处罚类别: 'penaltyTypes',
  '罚款金额(万元)': 'fineAmount',
  '没收违法所得、没收非法财物的金额(万元)': 'confiscationAmount',
  处罚决定日期: 'decisionDate',
  许可决定日期: 'decisionDate',
  处罚有效期: 'penaltyEndDate',
  处罚截止期: 'penaltyEndDate',
  项目名称: 'project',
  许可证书编号: 'licenceCode',
  许可类别: 'approvalCategory',
  有效期自: 'validFrom',
  有效期至: 'validUntil',
  备注: 'remarks',
  // 公共信用综合评价结果 as a credit platform exports it (the rating date is the decision date).
  公共信用综合评价结果: 'publicCreditGrade',
  // 信用承诺: its type (告知承诺, 容缺受理型 …; the Chinese names are read, import-parse.ts).
  承诺类型: 'commitmentType',
  信用承诺类型: 'commitmentType',
  公共信用综合评价等级: 'publicCreditGrade',
  评价日期: 'decisionDate',
  // 行政强制、行政奖励、行政确认、行政裁决、行政监督检查 (import-admin-info.ts): titles as offices write them (no
  // national data standard for these kinds was read; the engine's field names are always accepted).
  ...ADMIN_INFO_ALIASES,
};

/**
 * Columns of the standard that the engine does not keep: accepted and left out, so that an export can be
 * imported as it is. (The other registration numbers identify the same subject as its USCC; the publicity
 * end is computed by the engine from the law, not taken from the file.)
 */
const IGNORED = new Set(
  [
    '序号',
    '行政相对人类别',
    '行政相对人代码_2(工商注册号)',
    '行政相对人代码_3(组织机构代码)',
    '行政相对人代码_4(税务登记号)',
    '行政相对人代码_5(事业单位证书号)',
    '行政相对人代码_6(社会组织登记证号)',
    '证件类型',
    '法定代表人证件类型',
    '法定代表人证件号码',
    '暂扣或吊销证照名称及编号',
    '公示截止期',
  ].map(normaliseHeader),
);

const ALIAS_MAP = new Map(Object.entries(ALIASES).map(([k, v]) => [normaliseHeader(k), v]));

/** What a header names: a record field, a column of the standard left out, or nothing known. */
export function headerField(header: string, known: ReadonlySet<string>): RecordRowField | 'ignored' | undefined {
  if (known.has(header)) return header as RecordRowField;
  const h = normaliseHeader(header);
  return ALIAS_MAP.get(h) ?? (IGNORED.has(h) ? 'ignored' : undefined);
}

/** The record type a Chinese export implies when it has no `type` column: its decision-number column says. */
export function impliedType(headers: readonly string[]): 'penalty' | 'licence' | undefined {
  const hs = headers.map(normaliseHeader);
  if (hs.includes('行政处罚决定书文号')) return 'penalty';
  if (hs.includes('行政许可决定文书号')) return 'licence';
  return undefined;
}

const PENALTY_NAMES: Record<string, PenaltyType> = {
  警告: 'warning',
  通报批评: 'public_criticism',
  罚款: 'fine',
  没收违法所得: 'confiscation',
  没收非法财物: 'confiscation',
  没收违法所得没收非法财物: 'confiscation',
  暂扣许可证件: 'licence_suspension',
  暂扣许可证: 'licence_suspension',
  暂扣执照: 'licence_suspension',
  降低资质等级: 'qualification_downgrade',
  吊销许可证件: 'licence_revocation',
  吊销许可证: 'licence_revocation',
  吊销执照: 'licence_revocation',
  吊销营业执照: 'licence_revocation',
  限制开展生产经营活动: 'production_restriction',
  责令停产停业: 'suspension',
  责令关闭: 'closure',
  限制从业: 'employment_restriction',
  行政拘留: 'detention',
  其他: 'other',
  其他行政处罚: 'other',
};

/**
 * Penalty types of a cell: enum codes or their Chinese names, separated by ; | 、 ， or ,. A name the law does
 * not know is kept as written, so that the row is refused naming it.
 */
export function penaltyTypesOf(text: string): string[] {
  const out = text
    .normalize('NFKC')
    .split(/[;|、,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ((PENALTY_TYPES as readonly string[]).includes(s) ? s : (PENALTY_NAMES[s.replace(/\s+/g, '')] ?? s)));
  return [...new Set(out)];
}

/** 2025/3/10, 2025.3.10, 2025年3月10日 (and 2025-3-10) → 2025-03-10; anything else as written (refused later). */
export function dateCell(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return text;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}
