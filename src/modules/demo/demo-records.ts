/**
 * The records a demo subject gets (demo-data.ts): what each department finds and how it punishes, the grade
 * 令第36号 allows, licences with their certificates.
 */
import { addMonths } from '../../rules/shared';
import { SEVERITY_ORDER, severityRange, type RecordSeverity } from '../../rules/publicity';
import { DEPARTMENTS, type DemoLicence, type DemoTradeKey, type SupervisingIndustry } from './demo-trades';

export type DemoRecord = Record<string, unknown>;
export type RecordIndustry = SupervisingIndustry | 'general';

/** What each department finds and how it punishes (处罚类别), as a demo draws them. */
export const PENALTIES: Readonly<Record<RecordIndustry, { violations: string[]; types: string[][] }>> = {
  construction: {
    violations: ['施工现场安全防护措施不到位', '未按照工程建设强制性标准施工', '未取得施工许可擅自施工'],
    types: [['warning'], ['fine'], ['fine', 'confiscation'], ['fine', 'qualification_downgrade']],
  },
  food_drug: {
    violations: ['经营超过保质期的食品', '未按规定查验供货者的许可证和产品合格证明', '从业人员未取得健康证明'],
    types: [['warning'], ['fine'], ['fine', 'confiscation'], ['fine', 'licence_suspension']],
  },
  fire_safety: {
    violations: ['消防设施、器材未保持完好有效', '占用、堵塞、封闭疏散通道、安全出口', '埋压、圈占、遮挡消火栓'],
    types: [['warning'], ['fine'], ['fine'], ['fine', 'suspension']],
  },
  environment: {
    violations: ['超标排放水污染物', '污染防治设施未正常运行', '未按规定贮存危险废物'],
    types: [['warning'], ['fine'], ['fine'], ['fine', 'suspension']],
  },
  customs: {
    violations: ['申报不实影响海关统计准确性', '未按规定期限办理报关单修改手续', '擅自处置海关监管货物'],
    types: [['warning'], ['fine'], ['fine'], ['fine', 'confiscation']],
  },
  transport: {
    violations: ['未按规定维护和检测运输车辆', '未采取必要措施防止货物脱落、扬撒', '聘用无从业资格证的驾驶人员'],
    types: [['warning'], ['fine'], ['fine'], ['fine', 'licence_suspension']],
  },
  medical: {
    violations: [
      '使用非卫生技术人员从事医疗卫生技术工作',
      '未按规定处置医疗废物',
      '超出登记的诊疗科目范围开展诊疗活动',
    ],
    types: [['warning'], ['fine'], ['fine', 'confiscation'], ['fine', 'licence_suspension']],
  },
  housekeeping: {
    violations: ['未与消费者签订家政服务合同', '未如实向消费者提供家政服务员信息', '发布虚假家政服务广告'],
    types: [['warning'], ['fine'], ['fine']],
  },
  // 物业管理条例 Arts. 58, 59, 62, 63 (warnings and fines of the housing department).
  property: {
    violations: [
      '擅自改变物业管理用房的用途',
      '将物业管理区域内的全部物业管理一并委托给他人',
      '擅自利用物业共用部位、共用设施设备进行经营',
    ],
    types: [['warning'], ['fine'], ['warning', 'fine']],
  },
  // 城市房地产开发经营管理条例 Arts. 34, 36; 物业管理条例 Art. 61 (the developer as 建设单位).
  real_estate: {
    violations: ['擅自预售商品房', '超越资质等级从事房地产开发经营', '未按照规定配置必要的物业管理用房'],
    types: [['warning'], ['fine'], ['fine', 'confiscation'], ['fine', 'qualification_downgrade']],
  },
  ip: {
    violations: ['专利代理机构未依照规定进行备案', '以不正当手段招揽专利代理业务', '代理非正常专利申请'],
    types: [['warning'], ['warning', 'fine'], ['fine', 'confiscation'], ['fine', 'licence_suspension']],
  },
  general: {
    violations: ['未按规定公示企业信息', '发布虚假广告', '未按规定明码标价'],
    types: [['warning'], ['fine'], ['fine', 'confiscation']],
  },
};

/** The grade drawn, kept within what 令第36号 allows for the penalty types and fine (warning alone → minor, …). */
export function gradeFor(types: readonly string[], drawn: RecordSeverity, fineAmount?: number): RecordSeverity {
  const { min, max } = severityRange(types, fineAmount);
  const rank = (x: RecordSeverity) => SEVERITY_ORDER.indexOf(x);
  return rank(drawn) < rank(min) ? min : rank(drawn) > rank(max) ? max : drawn;
}

/** 公示领域 of a penalty: food or drug under food_drug, fire under fire_safety, else other. */
export function sectorOf(industry: RecordIndustry, trade: DemoTradeKey): string {
  if (industry === 'food_drug') return trade === 'pharmacy' || trade === 'drugstore' ? 'drug' : 'food';
  return industry === 'fire_safety' ? 'fire' : 'other';
}

/** A licence record (行政许可) of subject i: its certificate, the department of its industry, its validity. */
export function licence(l: DemoLicence, i: number, k: number, decisionDate: string): DemoRecord {
  const number = l.prefix.startsWith('綦消')
    ? `${l.prefix}字〔${decisionDate.slice(0, 4)}〕第${String(i).padStart(4, '0')}号`
    : `${l.prefix}${String(i * 10 + k).padStart(6, '0')}`;
  return {
    type: 'licence',
    industry: l.industry,
    decisionDate,
    ...(l.years ? { validUntil: addMonths(decisionDate, 12 * l.years) } : {}),
    licenceCode: number,
    content: l.nameZh,
    approvalCategory: '普通',
    authority: DEPARTMENTS[l.industry],
  };
}
