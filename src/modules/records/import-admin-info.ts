/**
 * Header titles and Chinese cell values of the other administrative information (行政管理信息: 行政强制、行政奖励、
 * 行政确认、行政裁决、行政监督检查) as offices write them. No national data standard for these kinds was read: the
 * titles are the plain Chinese names of the fields; the engine's field names are always accepted too.
 */
import { AWARD_LEVELS, ENFORCEMENT_MEASURES, type AwardLevel, type EnforcementMeasure } from '../../rules/facts';
import type { RecordRowField } from './dto/record-row.dto';

export const ADMIN_INFO_ALIASES: Record<string, RecordRowField> = {
  行政强制类别: 'enforcementMeasure',
  强制措施类型: 'enforcementMeasure',
  强制依据: 'legalBasis',
  强制内容: 'content',
  奖励名称: 'awardName',
  奖励级别: 'awardLevel',
  奖励内容: 'content',
  奖励依据: 'legalBasis',
  确认内容: 'content',
  确认依据: 'legalBasis',
  裁决内容: 'content',
  裁决依据: 'legalBasis',
  检查内容: 'content',
  检查依据: 'legalBasis',
  实施机关: 'authority',
  决定文书号: 'decisionNumber',
  决定日期: 'decisionDate',
};

/** 行政强制法 Art. 9 measures and Art. 12 execution methods, as the articles name them. */
const MEASURE_NAMES: Record<string, EnforcementMeasure> = {
  限制公民人身自由: 'personal_freedom_restriction',
  查封: 'sealing',
  查封场所设施或者财物: 'sealing',
  扣押: 'seizure',
  扣押财物: 'seizure',
  冻结: 'freezing',
  冻结存款汇款: 'freezing',
  其他行政强制措施: 'other_measure',
  加处罚款或者滞纳金: 'additional_fine',
  加处罚款: 'additional_fine',
  加处滞纳金: 'additional_fine',
  划拨存款汇款: 'transfer',
  划拨: 'transfer',
  拍卖或者依法处理查封扣押的场所设施或者财物: 'auction',
  拍卖: 'auction',
  排除妨碍恢复原状: 'removal',
  代履行: 'substitute_performance',
  其他强制执行方式: 'other_execution',
};

const LEVEL_NAMES: Record<string, AwardLevel> = {
  国家级: 'national',
  省级: 'provincial',
  省部级: 'provincial',
  市级: 'municipal',
  区县级: 'county',
  县级: 'county',
  区级: 'county',
  其他: 'other',
};

/**
 * A cell of enforcementMeasure or awardLevel: the enum code, or its Chinese name (punctuation and blanks ignored).
 * A name not known is kept as written, so that the row is refused naming the field.
 */
export function adminInfoCell(field: 'enforcementMeasure' | 'awardLevel', text: string): string {
  const codes: readonly string[] = field === 'enforcementMeasure' ? ENFORCEMENT_MEASURES : AWARD_LEVELS;
  const t = text.normalize('NFKC').trim();
  if (codes.includes(t)) return t;
  const key = t.replace(/[\s、,，;；()（）]/g, '');
  return (field === 'enforcementMeasure' ? MEASURE_NAMES[key] : LEVEL_NAMES[key]) ?? text;
}
