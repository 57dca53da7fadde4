/**
 * A deterministic demo data set for newcomers: a few hundred subjects of Qijiang district (綦江区,
 * 500110) across the four industries, with realistic credit records. Same seed → same subjects, codes
 * and decision numbers; dates are placed relative to `today` so the records stay current.
 */
import { addMonths } from '../../rules/shared';
import { mulberry32 } from '../../rules/draw';
import { SEVERITY_ORDER, severityRange, type RecordSeverity } from '../../rules/publicity';
import { residentIdCheckChar } from '../../common/identifiers/resident-id';
import { usccCheckChar, USCC_ALPHABET } from '../../common/identifiers/uscc';

export interface DemoSubject {
  readonly kind: 'legal_person' | 'individual_business' | 'public_body' | 'natural_person';
  readonly code?: string;
  readonly idNumber?: string;
  readonly name: string;
  readonly registeredOn: string;
  readonly industry: 'construction' | 'food_drug' | 'fire_safety' | 'general';
}

export type DemoRecord = Record<string, unknown>;

const WORDS = [
  '华盛',
  '鑫源',
  '永安',
  '金桥',
  '恒通',
  '瑞丰',
  '东溪',
  '三江',
  '古南',
  '文龙',
  '通惠',
  '永新',
  '石角',
  '赶水',
  '打通',
  '隆盛',
  '万达',
  '长江',
  '红星',
  '民生',
  '和信',
  '福源',
  '嘉禾',
  '兴旺',
];
const TRADES: Record<DemoSubject['industry'], string[]> = {
  construction: ['建筑工程有限公司', '建设集团有限公司', '市政工程有限公司', '装饰工程有限公司'],
  food_drug: ['食品有限公司', '餐饮管理有限公司', '大药房有限公司', '农产品加工有限公司'],
  fire_safety: ['商业管理有限公司', '酒店有限公司', '消防技术服务有限公司', '物业管理有限公司'],
  general: ['商贸有限公司', '科技有限公司', '物流有限公司', '机械制造有限公司'],
};
const AUTHORITIES: Record<DemoSubject['industry'], string> = {
  construction: '綦江区住房和城乡建设委员会',
  food_drug: '綦江区市场监督管理局',
  fire_safety: '綦江区消防救援支队',
  general: '綦江区市场监督管理局',
};
const INDUSTRIES: DemoSubject['industry'][] = ['construction', 'food_drug', 'fire_safety', 'general'];

/** The seedable PRNG of the inspection draw (deterministic demo data, not cryptography). */
export const prng = mulberry32;

/** The grade drawn, kept within what 令第36号 allows for the penalty types (warning alone → minor, …). */
function gradeFor(types: readonly string[], drawn: RecordSeverity): RecordSeverity {
  const { min, max } = severityRange(types);
  const rank = (x: RecordSeverity) => SEVERITY_ORDER.indexOf(x);
  return rank(drawn) < rank(min) ? min : rank(drawn) > rank(max) ? max : drawn;
}

export function generateDemo(
  today: string,
  count = 300,
  seed = 20261128,
): { subjects: DemoSubject[]; records: DemoRecord[] } {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // A day in one of the last `maxMonths` months, never after today (a record dated in the future is refused).
  const daysAgo = (maxMonths: number) => {
    const d = addMonths(today, -int(0, maxMonths - 1)).slice(0, 8) + String(int(1, 28)).padStart(2, '0');
    return d > today ? today : d;
  };
  // Tax credit levels are published in April for the year before: before this year's publication, last year's.
  const year = Number(today.slice(0, 4));
  const tax =
    `${year}-04-20` <= today
      ? { taxYear: year - 1, decisionDate: `${year}-04-20` }
      : { taxYear: year - 2, decisionDate: `${year - 1}-04-20` };
  const subjects: DemoSubject[] = [];
  const records: DemoRecord[] = [];
  for (let i = 0; i < count; i++) {
    const industry = INDUSTRIES[i % INDUSTRIES.length];
    const registeredOn = `${int(1998, 2025)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const s = subjectAt(i, industry, registeredOn, pick, int);
    subjects.push(s);
    const ref = s.code ? { subjectCode: s.code } : { subjectIdNumber: s.idNumber };
    const base = {
      ...ref,
      subjectName: s.name,
      subjectKind: s.kind,
      subjectRegisteredOn: s.registeredOn,
      subjectRegion: '500110',
    };
    const rec = (j: string, body: DemoRecord) =>
      records.push({ ...base, source: AUTHORITIES[industry], decisionNumber: `綦示范〔${i}〕${j}号`, ...body });
    if (s.kind === 'legal_person' || s.kind === 'individual_business') {
      const level = pick(['A', 'A', 'B', 'B', 'B', 'M', 'C', 'D'] as const);
      rec('T', {
        source: '国家税务总局重庆市綦江区税务局',
        type: 'tax_credit',
        industry: 'tax',
        taxLevel: level,
        ...tax,
      });
    }
    const roll = rnd();
    const ind = industry === 'general' ? 'general' : industry;
    const sector = industry === 'food_drug' ? 'food' : industry === 'fire_safety' ? 'fire' : 'other';
    if (roll < 0.25) {
      const penaltyTypes = pick([['warning'], ['fine'], ['fine', 'confiscation'], ['fine', 'licence_suspension']]);
      rec('P1', {
        type: 'penalty',
        industry: ind,
        sector,
        severity: gradeFor(penaltyTypes, pick(['minor', 'general', 'general', 'serious'] as const)),
        penaltyTypes,
        ...(penaltyTypes.includes('fine') ? { fineAmount: int(1, 60) / 2 } : {}),
        decisionDate: daysAgo(30),
        authority: AUTHORITIES[industry],
        violationType: '违反行业监管规定',
        legalBasis: '依据相关法律法规条款',
      });
    }
    if (roll < 0.08)
      rec('P2', {
        type: 'penalty',
        industry: ind,
        sector,
        severity: 'general',
        penaltyTypes: ['fine'],
        fineAmount: int(1, 10),
        decisionDate: daysAgo(10),
      });
    if (roll > 0.2 && roll < 0.5) {
      rec('I1', {
        type: 'inspection',
        industry: ind,
        inspectionResult: rnd() < 0.3 ? 'failed' : 'passed',
        decisionDate: daysAgo(11),
      });
    }
    if (roll > 0.97)
      rec('L1', { type: 'list_entry', listType: 'serious_dishonesty', severity: 'serious', decisionDate: daysAgo(18) });
    else if (roll > 0.94)
      rec('L2', {
        type: 'list_entry',
        listType: 'court_defaulter',
        listGround: 2,
        severity: 'serious',
        decisionDate: daysAgo(20),
      });
    else if (roll > 0.91)
      rec('L3', { type: 'list_entry', listType: 'abnormal_operation', severity: 'general', decisionDate: daysAgo(8) });
    else if (roll > 0.85) rec('R1', { type: 'list_entry', listType: 'red_list', decisionDate: daysAgo(12) });
    if (roll > 0.5 && roll < 0.6) {
      rec('C1', {
        type: 'commitment',
        industry: ind,
        commitmentStatus: rnd() < 0.2 ? 'breached' : 'fulfilled',
        commitmentStatusDate: daysAgo(6),
        decisionDate: addMonths(today, -8),
      });
    }
    if (roll > 0.6 && roll < 0.8 && s.kind !== 'natural_person') {
      rec('X1', {
        type: 'licence',
        industry: ind,
        decisionDate: addMonths(today, -int(6, 40)),
        validUntil: addMonths(today, int(6, 40)),
        licenceCode: `JY15001${String(i).padStart(7, '0')}`,
      });
    }
  }
  return { subjects, records };
}

function subjectAt(
  i: number,
  industry: DemoSubject['industry'],
  registeredOn: string,
  pick: <T>(xs: readonly T[]) => T,
  int: (lo: number, hi: number) => number,
): DemoSubject {
  if (i % 50 === 49) {
    const body = `500222${1960 + (i % 40)}0${1 + (i % 9)}${String(10 + (i % 18))}${String(i % 1000).padStart(3, '0')}`;
    return {
      kind: 'natural_person',
      idNumber: body + residentIdCheckChar(body),
      name: `${pick(['张', '李', '王', '刘', '陈'])}某${i}`,
      registeredOn,
      industry,
    };
  }
  if (i % 25 === 24)
    return {
      kind: 'public_body',
      code: code('12500110', i),
      name: `綦江区${pick(['第一', '第二', '实验'])}中学${i}`,
      registeredOn,
      industry,
    };
  if (i % 10 === 9)
    return {
      kind: 'individual_business',
      code: code('92500110', i),
      name: `綦江区${pick(WORDS)}${pick(['小吃店', '便利店', '诊所'])}${i}`,
      registeredOn,
      industry,
    };
  void int;
  return {
    kind: 'legal_person',
    code: code('91500110', i),
    name: `重庆${pick(WORDS)}${pick(TRADES[industry])}${i}`,
    registeredOn,
    industry,
  };
}

/** A valid code with a fixed prefix and a body derived from the index (stable across runs). */
function code(prefix: string, i: number): string {
  let body = prefix + 'MA';
  let n = i * 7919 + 104729;
  for (let k = 0; k < 7; k++) {
    body += USCC_ALPHABET[n % 31];
    n = Math.floor(n / 31) + k * 13;
  }
  return body + usccCheckChar(body);
}
