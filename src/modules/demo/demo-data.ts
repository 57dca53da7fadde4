/**
 * A deterministic demo data set for newcomers: a few hundred subjects of Qijiang district (綦江区, 500110)
 * in realistic trades (demo-trades.ts), each with its registered industry code (GB/T 4754-2017) and records
 * consistent with it: a builder holds a construction qualification and meets the construction department, a
 * hotel a food business licence and the fire brigade, a trading company only the tax office and the general
 * market regulator. Same seed → same subjects, codes and decision numbers; dates are placed relative to
 * `today` so the records stay current.
 */
import { addMonths } from '../../rules/shared';
import { mulberry32 } from '../../rules/draw';
import { residentIdCheckChar } from '../../common/identifiers/resident-id';
import { usccCheckChar, USCC_ALPHABET } from '../../common/identifiers/uscc';
import {
  CYCLE_SUBJECTS,
  DEPARTMENTS,
  INDIVIDUAL_CYCLE,
  LATER_BLOCK,
  LATER_TRADES,
  LEGAL_CYCLE,
  TRADES,
  type DemoKind,
  type DemoTradeKey,
} from './demo-trades';
import { gradeFor, licence, PENALTIES, sectorOf, type DemoRecord, type RecordIndustry } from './demo-records';
import { storyRecords, STORY_SUBJECT } from './demo-story';

export { STORY_SUBJECT } from './demo-story';
export type { DemoRecord } from './demo-records';

export interface DemoSubject {
  readonly kind: DemoKind;
  readonly code?: string;
  readonly idNumber?: string;
  readonly name: string;
  readonly registeredOn: string;
  /** Its trade (行业), a key of TRADES. */
  readonly trade: DemoTradeKey;
  /** Registered industry code (国民经济行业分类代码, GB/T 4754-2017); null for a natural person. */
  readonly industryCode: string | null;
}

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

/** The seedable PRNG of the inspection draw (deterministic demo data, not cryptography). */
export const prng = mulberry32;

/** The subjects in the news: NEWS[m] is penalised m months before today (m = 0 … 5). */
export const NEWS: readonly number[] = [0, 1, 4, 5, 6, 8];

/**
 * The subject whose records are a court's 失信被执行人 listing and nothing else drawn: the check examples' restricted
 * bidder (openapi.json, checks.examples.ts), by design rather than by chance of the draw.
 */
export const COURT_DEFAULTER_INDEX = 1;

/**
 * Each subject draws from a stream of its own (the seed mixed with its index): a trade that gains a licence or a draw
 * changes its own subjects' records, never another's.
 */
export function subjectStream(seed: number, i: number): () => number {
  return prng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
}

/** Subjects in all: the cycles' 300, then a block of LATER_BLOCK for each trade of LATER_TRADES. */
export const DEMO_COUNT = CYCLE_SUBJECTS + LATER_BLOCK * LATER_TRADES.length;

/**
 * The trade of subject i: past the cycles' subjects, LATER_TRADES in blocks of LATER_BLOCK (a trade added there adds
 * subjects at the end and moves none before it); otherwise every 50th a person, every 25th a school, every 10th an
 * individual business.
 */
export function tradeAt(i: number): DemoTradeKey {
  if (i >= CYCLE_SUBJECTS) {
    const block = LATER_TRADES[Math.floor((i - CYCLE_SUBJECTS) / LATER_BLOCK)];
    if (block) return block;
  }
  if (i % 50 === 49) return 'person';
  if (i % 25 === 24) return 'school';
  if (i % 10 === 9) return INDIVIDUAL_CYCLE[Math.floor(i / 10) % INDIVIDUAL_CYCLE.length];
  return LEGAL_CYCLE[i % LEGAL_CYCLE.length];
}

/** Where public credit comprehensive evaluation results come from (the municipal platform, 数据来源单位). */
export const PUBLIC_CREDIT_PLATFORM = '信用中国（重庆）';

export function generateDemo(
  today: string,
  count = DEMO_COUNT,
  seed = 20261128,
): { subjects: DemoSubject[]; records: DemoRecord[] } {
  // Tax credit levels are published in April for the year before: before this year's publication, last year's.
  const year = Number(today.slice(0, 4));
  const tax =
    `${year}-04-20` <= today
      ? { taxYear: year - 1, decisionDate: `${year}-04-20` }
      : { taxYear: year - 2, decisionDate: `${year - 1}-04-20` };
  const subjects: DemoSubject[] = [];
  const records: DemoRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rnd = subjectStream(seed, i);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    // A day in one of the last `maxMonths` months, never after today (a record dated in the future is refused).
    const daysAgo = (maxMonths: number) => {
      const d = addMonths(today, -int(0, maxMonths - 1)).slice(0, 8) + String(int(1, 28)).padStart(2, '0');
      return d > today ? today : d;
    };
    const registeredOn = `${int(1998, 2025)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const s = subjectAt(i, registeredOn, pick);
    subjects.push(s);
    const trade = TRADES[s.trade];
    const base = {
      ...(s.code ? { subjectCode: s.code } : { subjectIdNumber: s.idNumber }),
      subjectName: s.name,
      subjectKind: s.kind,
      subjectRegisteredOn: s.registeredOn,
      subjectRegion: '500110',
      ...(s.industryCode ? { subjectIndustryCode: s.industryCode } : {}),
    };
    const rec = (j: string, industry: RecordIndustry | 'tax', body: DemoRecord) =>
      records.push({ ...base, source: DEPARTMENTS[industry], decisionNumber: `綦示范〔${i}〕${j}号`, ...body });
    if (i === STORY_SUBJECT.index) {
      for (const [j, industry, body] of storyRecords(today, tax)) rec(j, industry, body);
      continue;
    }
    if (s.kind === 'legal_person' || s.kind === 'individual_business')
      rec('T', 'tax', {
        type: 'tax_credit',
        industry: 'tax',
        taxLevel: pick(['A', 'A', 'B', 'B', 'B', 'M', 'C', 'D']),
        ...tax,
      });
    trade.licences.forEach((l, k) => rec(`X${k + 1}`, l.industry, licence(l, i, k, addMonths(today, -int(6, 40)))));
    // One department's business this year: the trade's own (or the general regulator's), drawn.
    const industry: RecordIndustry = trade.supervisedBy.length ? pick(trade.supervisedBy) : 'general';
    const drawn = rnd();
    // 0.95: a court's listing (L2 below) and no penalty, inspection or commitment.
    const roll = i === COURT_DEFAULTER_INDEX ? 0.95 : drawn;
    if (roll < 0.25) {
      const penaltyTypes = pick(PENALTIES[industry].types);
      const fineAmount = penaltyTypes.includes('fine') ? int(1, 60) / 2 : undefined;
      rec('P1', industry, {
        type: 'penalty',
        industry,
        sector: sectorOf(industry, s.trade),
        severity: gradeFor(penaltyTypes, pick(['minor', 'general', 'general', 'serious'] as const), fineAmount),
        penaltyTypes,
        ...(fineAmount === undefined ? {} : { fineAmount }),
        decisionDate: daysAgo(30),
        authority: DEPARTMENTS[industry],
        violationType: pick(PENALTIES[industry].violations),
        legalBasis: '依据相关法律法规条款',
      });
    }
    if (roll < 0.08)
      rec('P2', industry, {
        type: 'penalty',
        industry,
        sector: sectorOf(industry, s.trade),
        severity: 'general',
        penaltyTypes: ['fine'],
        fineAmount: int(1, 10),
        decisionDate: daysAgo(10),
      });
    if (roll > 0.2 && roll < 0.5)
      rec('I1', industry, {
        type: 'inspection',
        industry,
        inspectionResult: rnd() < 0.3 ? 'failed' : 'passed',
        decisionDate: daysAgo(11),
      });
    // News of the last six months, one a month: a licensed firm of the first few fined with its licence
    // suspended (its qualification downgraded) by its own department, so that the backdated tier history of
    // even a small load (40 subjects) moves every month.
    const month = NEWS.indexOf(i);
    if (month >= 0 && trade.licences.length) {
      const own = trade.licences[0].industry;
      const penaltyTypes = ['fine', own === 'construction' ? 'qualification_downgrade' : 'licence_suspension'];
      rec('N1', own, {
        type: 'penalty',
        industry: own,
        sector: sectorOf(own, s.trade),
        severity: gradeFor(penaltyTypes, 'general', 3),
        penaltyTypes,
        fineAmount: 3,
        decisionDate: addMonths(today, -month),
        authority: DEPARTMENTS[own],
        violationType: PENALTIES[own].violations[month % PENALTIES[own].violations.length],
        legalBasis: '依据相关法律法规条款',
      });
    }
    // A public gathering place the fire brigade checks every year (消防安全检查).
    if (trade.fireInspected)
      rec('I0', 'fire_safety', {
        type: 'inspection',
        industry: 'fire_safety',
        inspectionResult: 'passed',
        decisionDate: daysAgo(12),
      });
    if (roll > 0.97)
      rec('L1', 'general', {
        type: 'list_entry',
        listType: 'serious_dishonesty',
        severity: 'serious',
        decisionDate: daysAgo(18),
      });
    else if (roll > 0.94)
      rec('L2', 'general', {
        type: 'list_entry',
        listType: 'court_defaulter',
        listGround: 2,
        severity: 'serious',
        decisionDate: daysAgo(20),
      });
    else if (roll > 0.91)
      rec('L3', 'general', {
        type: 'list_entry',
        listType: 'abnormal_operation',
        severity: 'general',
        decisionDate: daysAgo(8),
      });
    else if (roll > 0.85) rec('R1', 'general', { type: 'list_entry', listType: 'red_list', decisionDate: daysAgo(12) });
    if (roll > 0.5 && roll < 0.6)
      rec('C1', industry, {
        type: 'commitment',
        industry,
        commitmentStatus: rnd() < 0.2 ? 'breached' : 'fulfilled',
        commitmentStatusDate: daysAgo(6),
        decisionDate: addMonths(today, -8),
      });
    // The platform's public credit comprehensive evaluation (公共信用综合评价, 发改办财金〔2019〕885号), loaded for the
    // patent agencies only (the ip pack reads it); drawn last, so no other draw and no other trade's subject moves.
    if (s.trade === 'patent_agency')
      records.push({
        ...base,
        source: PUBLIC_CREDIT_PLATFORM,
        decisionNumber: `GGXYPJ-${year}-${i}`,
        type: 'public_credit',
        publicCreditGrade: pick(['A', 'A', 'B', 'B', 'B', 'C', 'D']),
        decisionDate: `${year}-01-15` <= today ? `${year}-01-15` : `${year - 1}-01-15`,
      });
  }
  return { subjects, records };
}

function subjectAt(i: number, registeredOn: string, pick: <T>(xs: readonly T[]) => T): DemoSubject {
  const key = tradeAt(i);
  if (key === 'person') {
    const body = `500222${1960 + (i % 40)}0${1 + (i % 9)}${String(10 + (i % 18))}${String(i % 1000).padStart(3, '0')}`;
    return {
      kind: 'natural_person',
      idNumber: body + residentIdCheckChar(body),
      name: `${pick(['张', '李', '王', '刘', '陈'])}某${i}`,
      registeredOn,
      trade: key,
      industryCode: null,
    };
  }
  const trade = TRADES[key];
  if (i === STORY_SUBJECT.index)
    return { ...STORY_SUBJECT.subject, kind: trade.kind, code: code('91500110', i), registeredOn, trade: key };
  const [industryCode, , ending] = pick(trade.variants);
  const prefix = { legal_person: '91500110', individual_business: '92500110', public_body: '12500110' }[
    trade.kind as Exclude<DemoKind, 'natural_person'>
  ];
  const name =
    trade.kind === 'legal_person'
      ? `重庆${pick(WORDS)}${ending}${i}`
      : trade.kind === 'public_body'
        ? `綦江区${pick(['第一', '第二', '实验'])}${ending}${i}`
        : `綦江区${pick(WORDS)}${ending}${i}`;
  return { kind: trade.kind, code: code(prefix, i), name, registeredOn, trade: key, industryCode };
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
