/**
 * The five other kinds of administrative management information (行政管理信息) besides licences and penalties:
 * 行政强制 (admin_enforcement), 行政奖励 (admin_reward), 行政确认 (admin_confirmation), 行政裁决 (admin_adjudication)
 * and 行政监督检查 (admin_supervision). The district plan (綦江区, task 3) asks that those reported to the national
 * platform reach a 100 % 合规率; 国办发〔2019〕35号 (十五) (secondary: credit.shiyan.gov.cn, cut short) asks only to
 * "further study" publishing them beside licences and penalties. No national text read fixes their publicity period
 * or reporting deadline: both are the local parameters below. They are shown (report, statistics) and never read by
 * the tier facts (derive-facts.ts counts none of them). Pure data.
 */
import { addMonths } from '../shared/calendar';
import type { RecordType } from './record.types';

export const ADMIN_INFO_TYPES = [
  'admin_enforcement',
  'admin_reward',
  'admin_confirmation',
  'admin_adjudication',
  'admin_supervision',
] as const satisfies readonly RecordType[];
export type AdminInfoType = (typeof ADMIN_INFO_TYPES)[number];

export const isAdminInfoType = (t: string): t is AdminInfoType => (ADMIN_INFO_TYPES as readonly string[]).includes(t);

/** Chinese names as the district plan and 信用中国 write them. */
export const ADMIN_INFO_NAMES_ZH: Readonly<Record<AdminInfoType, string>> = {
  admin_enforcement: '行政强制',
  admin_reward: '行政奖励',
  admin_confirmation: '行政确认',
  admin_adjudication: '行政裁决',
  admin_supervision: '行政监督检查',
};

/**
 * Local parameter ADMIN_INFO_PUBLICITY_MONTHS: months a record of each kind stays published (公示期限) from its
 * decision date. No national period was found for these kinds (the 令第36号 windows are for penalties); the deploying
 * office confirms or changes them. One year for the four kinds that record a single act, three years for an award.
 */
export const ADMIN_INFO_PUBLICITY_MONTHS: Readonly<Record<AdminInfoType, number>> = {
  admin_enforcement: 12,
  admin_reward: 36,
  admin_confirmation: 12,
  admin_adjudication: 12,
  admin_supervision: 12,
};

/** The publicity end (exclusive) of an administrative-information record decided on `decisionDate`. */
export function adminInfoPublicityEnd(type: AdminInfoType, decisionDate: string): string {
  return addMonths(decisionDate, ADMIN_INFO_PUBLICITY_MONTHS[type]);
}

/**
 * 行政强制 measure: the measures of 行政强制法 Art. 9 and the execution methods of Art. 12 (secondary: the articles
 * quoted on uianet.net and 64365.com).
 */
export const ENFORCEMENT_MEASURES = [
  'personal_freedom_restriction', // 限制公民人身自由 (Art. 9 (一))
  'sealing', // 查封场所、设施或者财物 (Art. 9 (二))
  'seizure', // 扣押财物 (Art. 9 (三))
  'freezing', // 冻结存款、汇款 (Art. 9 (四))
  'other_measure', // 其他行政强制措施 (Art. 9 (五))
  'additional_fine', // 加处罚款或者滞纳金 (Art. 12 (一))
  'transfer', // 划拨存款、汇款 (Art. 12 (二))
  'auction', // 拍卖或者依法处理查封、扣押的场所、设施或者财物 (Art. 12 (三))
  'removal', // 排除妨碍、恢复原状 (Art. 12 (四))
  'substitute_performance', // 代履行 (Art. 12 (五))
  'other_execution', // 其他强制执行方式 (Art. 12 (六))
] as const;
export type EnforcementMeasure = (typeof ENFORCEMENT_MEASURES)[number];

/** 行政奖励 level (奖励级别) by the awarding government's level: a local vocabulary, no national list was read. */
export const AWARD_LEVELS = ['national', 'provincial', 'municipal', 'county', 'other'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
