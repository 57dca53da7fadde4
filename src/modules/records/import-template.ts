/**
 * Import templates (导入模板) per record type: the header row a data officer fills, in the 双公示 Chinese column
 * titles where the national standard has one (penalties, licences) or the record's field names. CSV is UTF-8
 * with a BOM (so that a spreadsheet opens the Chinese titles right); .xlsx has a bold header row. Either file,
 * filled in, imports as it is.
 */
import ExcelJS from 'exceljs';
import type { RecordType } from '../../rules/facts';
import type { RecordRowField } from './dto/record-row.dto';

/**
 * The Chinese title the templates use for a field (the standard's), where there is one. The industry code
 * (国民经济行业分类代码, GB/T 4754-2017) is not a column of the 双公示 standard; it goes beside them under its own name.
 */
const TITLES: Partial<Record<RecordRowField, { penalty?: string; licence?: string }>> = {
  subjectName: { penalty: '行政相对人名称', licence: '行政相对人名称' },
  subjectCode: { penalty: '统一社会信用代码', licence: '统一社会信用代码' },
  subjectIdNumber: { penalty: '证件号码', licence: '证件号码' },
  subjectIndustryCode: { penalty: '国民经济行业分类代码', licence: '国民经济行业分类代码' },
  legalRepresentative: { penalty: '法定代表人', licence: '法定代表人' },
  decisionNumber: { penalty: '行政处罚决定书文号', licence: '行政许可决定文书号' },
  violationType: { penalty: '违法行为类型' },
  violationFacts: { penalty: '违法事实' },
  legalBasis: { penalty: '处罚依据', licence: '许可依据' },
  penaltyTypes: { penalty: '处罚类别' },
  content: { penalty: '处罚内容', licence: '许可内容' },
  fineAmount: { penalty: '罚款金额（万元）' },
  confiscationAmount: { penalty: '没收违法所得、没收非法财物的金额（万元）' },
  decisionDate: { penalty: '处罚决定日期', licence: '许可决定日期' },
  penaltyEndDate: { penalty: '处罚有效期' },
  project: { licence: '项目名称' },
  licenceCode: { licence: '许可证书编号' },
  approvalCategory: { licence: '许可类别' },
  validFrom: { licence: '有效期自' },
  validUntil: { licence: '有效期至' },
  authority: { penalty: '处罚机关', licence: '许可机关' },
  authorityUscc: { penalty: '处罚机关统一社会信用代码', licence: '许可机关统一社会信用代码' },
  source: { penalty: '数据来源单位', licence: '数据来源单位' },
  sourceUscc: { penalty: '数据来源单位统一社会信用代码', licence: '数据来源单位统一社会信用代码' },
  remarks: { penalty: '备注', licence: '备注' },
};

const SUBJECT: RecordRowField[] = ['subjectName', 'subjectCode', 'subjectIdNumber', 'subjectIndustryCode'];
/** The columns of each type's template, in the order of the standard where there is one. */
const ADMIN_COLUMNS = (own: RecordRowField[]): RecordRowField[] => [
  ...SUBJECT,
  'decisionNumber',
  ...own,
  'decisionDate',
  'authority',
  'authorityUscc',
  'source',
  'industry',
  'remarks',
];

const COLUMNS: Record<RecordType, RecordRowField[]> = {
  penalty: [
    ...SUBJECT,
    'legalRepresentative',
    'decisionNumber',
    'violationType',
    'violationFacts',
    'legalBasis',
    'penaltyTypes',
    'content',
    'fineAmount',
    'confiscationAmount',
    'decisionDate',
    'penaltyEndDate',
    'authority',
    'authorityUscc',
    'source',
    'sourceUscc',
    'severity',
    'industry',
    'sector',
    'remarks',
  ],
  licence: [
    ...SUBJECT,
    'legalRepresentative',
    'decisionNumber',
    'project',
    'licenceCode',
    'approvalCategory',
    'content',
    'legalBasis',
    'decisionDate',
    'validFrom',
    'validUntil',
    'authority',
    'authorityUscc',
    'source',
    'sourceUscc',
    'industry',
    'remarks',
  ],
  list_entry: [
    ...SUBJECT,
    'decisionNumber',
    'listType',
    'listGround',
    'severity',
    'decisionDate',
    'listEndDate',
    'legalBasis',
    'authority',
    'source',
    'industry',
    'remarks',
  ],
  tax_credit: [...SUBJECT, 'decisionNumber', 'taxLevel', 'taxYear', 'decisionDate', 'source', 'remarks'],
  // 公共信用综合评价结果: the platform (全国信用信息共享平台, 信用中国（重庆）) is the source, the rating date the decision date.
  public_credit: [...SUBJECT, 'decisionNumber', 'publicCreditGrade', 'decisionDate', 'source', 'remarks'],
  commitment: [
    ...SUBJECT,
    'decisionNumber',
    'content',
    'commitmentType',
    'decisionDate',
    'commitmentStatus',
    'commitmentStatusDate',
    'source',
    'industry',
    'remarks',
  ],
  inspection: [
    ...SUBJECT,
    'decisionNumber',
    'inspectionResult',
    'decisionDate',
    'content',
    'authority',
    'source',
    'industry',
    'remarks',
  ],
  // 行政管理信息 (admin-info.ts): the fields each kind needs (record-rules.ts) beside the common ones.
  admin_enforcement: ADMIN_COLUMNS(['enforcementMeasure', 'legalBasis', 'content']),
  admin_reward: ADMIN_COLUMNS(['awardName', 'awardLevel', 'content', 'legalBasis']),
  admin_confirmation: ADMIN_COLUMNS(['content', 'legalBasis']),
  admin_adjudication: ADMIN_COLUMNS(['content', 'legalBasis']),
  admin_supervision: ADMIN_COLUMNS(['content', 'legalBasis']),
};

export type TemplateLanguage = 'zh' | 'en';

/** The header row of a type's template: the standard's Chinese titles (zh) where it has them, else field names. */
export function templateHeader(type: RecordType, lang: TemplateLanguage): string[] {
  const cols = type === 'penalty' || type === 'licence' ? COLUMNS[type] : [...COLUMNS[type]];
  const withType = type === 'penalty' || type === 'licence' ? cols : ['type' as RecordRowField, ...cols];
  return withType.map((f) => {
    const title = lang === 'zh' && (type === 'penalty' || type === 'licence') ? TITLES[f]?.[type] : undefined;
    return title ?? f;
  });
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function templateCsv(type: RecordType, lang: TemplateLanguage): string {
  return `\uFEFF${templateHeader(type, lang).map(csvCell).join(',')}\r\n`;
}

export async function templateXlsx(type: RecordType, lang: TemplateLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(type);
  const header = templateHeader(type, lang);
  sheet.addRow(header).font = { bold: true };
  header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(12, Math.min(40, h.length * 2 + 2))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
