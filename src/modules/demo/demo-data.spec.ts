import { industryCodeProblem, membershipIn, type MembershipPack } from '../../rules/membership';
import type { FactRecord } from '../../rules/facts';
import type { Industry } from '../../rules/shared';
import { checkRow } from '../records/row-check';
import { addMonths } from '../../rules/shared';
import {
  COURT_DEFAULTER_INDEX,
  DEMO_COUNT,
  generateDemo,
  NEWS,
  STORY_SUBJECT,
  subjectStream,
  tradeAt,
  type DemoRecord,
  type DemoSubject,
} from './demo-data';
import { CYCLE_SUBJECTS, LATER_BLOCK, LATER_TRADES, TRADES, type DemoTradeKey } from './demo-trades';

/**
 * Who each industry supervises (分行业, issue 15), as its pack declares it: tax every taxpayer; the others by a
 * record of theirs (construction and food_drug: licences; fire_safety: licences, inspections, penalties) or by
 * the registered industry code (GB/T 4754-2017); environment and customs (issue 18) by their records, environment also
 * by code. Written out here, not read from the packs: the demo's story is
 * checked against what the issue says, whatever the packs hold.
 */
const TAXPAYERS = ['legal_person', 'unincorporated_org', 'individual_business'] as const;
const PACKS: readonly MembershipPack[] = [
  { industry: 'tax', appliesTo: TAXPAYERS, membership: { everySubject: true, source: 'issue-15' } },
  {
    industry: 'construction',
    appliesTo: ['legal_person', 'unincorporated_org'],
    membership: { fromRecords: ['licence'], industryCodes: ['E47', 'E48', 'E49', 'E50'], source: 'issue-15' },
  },
  {
    industry: 'food_drug',
    appliesTo: TAXPAYERS,
    membership: {
      fromRecords: ['licence'],
      industryCodes: ['C13', 'C14', 'C15', 'C27', 'F512', 'F515', 'F522', 'F525', 'H62'],
      source: 'issue-15',
    },
  },
  {
    industry: 'fire_safety',
    appliesTo: [...TAXPAYERS, 'public_body'],
    membership: {
      fromRecords: ['licence', 'inspection', 'penalty'],
      industryCodes: ['H61', 'H62', 'F521', 'R89', 'R90'],
      source: 'issue-15',
    },
  },
  // Issue 18: environment — holders of the department's records (a pollutant discharge permit) and the heavy-
  // pollution industries of 环发〔2013〕150号 by code; customs — enterprises filed with customs (their records).
  {
    industry: 'environment',
    appliesTo: ['legal_person', 'unincorporated_org', 'individual_business'],
    membership: {
      fromRecords: ['licence', 'penalty', 'inspection'],
      industryCodes: ['C146', 'C22', 'C26'],
      source: 'issue-18',
    },
  },
  {
    industry: 'customs',
    appliesTo: ['legal_person', 'unincorporated_org', 'individual_business'],
    membership: { fromRecords: ['licence', 'penalty', 'inspection'], source: 'issue-18' },
  },
  // Transport: holders of the department's records (a road transport operating licence) and road and waterway
  // transport by code.
  {
    industry: 'transport',
    appliesTo: ['legal_person', 'unincorporated_org', 'individual_business'],
    membership: {
      fromRecords: ['licence', 'penalty', 'inspection'],
      industryCodes: ['G54', 'G55'],
      source: 'issue-18',
    },
  },
  // Medical: the whole industry — holders of the health department's records (a 医疗机构执业许可证) and health
  // institutions by code; public hospitals too.
  {
    industry: 'medical',
    appliesTo: ['legal_person', 'unincorporated_org', 'individual_business', 'public_body'],
    membership: { fromRecords: ['licence', 'penalty', 'inspection'], industryCodes: ['Q84'], source: 'issue-18' },
  },
  // Housekeeping: firms by code (O801 家庭服务) and holders of housekeeping records.
  {
    industry: 'housekeeping',
    appliesTo: ['legal_person', 'unincorporated_org', 'individual_business'],
    membership: { fromRecords: ['licence', 'penalty', 'inspection'], industryCodes: ['O801'], source: 'issue-18' },
  },
  // Property services: by code (物业管理 K702; no qualification since 2018) and the housing department's records;
  // real-estate developers: their development qualification, the department's records and the code K701.
  {
    industry: 'property',
    appliesTo: ['legal_person', 'unincorporated_org', 'individual_business'],
    membership: { fromRecords: ['licence', 'penalty', 'inspection'], industryCodes: ['K702'], source: 'issue-18' },
  },
  {
    industry: 'real_estate',
    appliesTo: ['legal_person', 'unincorporated_org'],
    membership: { fromRecords: ['licence', 'penalty', 'inspection'], industryCodes: ['K701'], source: 'issue-18' },
  },
  // Intellectual property: holders of the IP administration's records (a patent agency's practising licence) and IP
  // services by code.
  {
    industry: 'ip',
    appliesTo: ['legal_person', 'unincorporated_org', 'individual_business'],
    membership: { fromRecords: ['licence', 'penalty', 'inspection'], industryCodes: ['M752'], source: 'issue-18' },
  },
];

/** The trades each industry supervises, by the story the demo tells. */
const MEMBERS: Record<Industry, DemoTradeKey[]> = {
  tax: Object.values(TRADES)
    .filter((t) => t.kind === 'legal_person' || t.kind === 'individual_business')
    .map((t) => t.key as DemoTradeKey),
  construction: ['builder'],
  food_drug: ['food_maker', 'hotel', 'restaurant', 'pharmacy', 'supermarket', 'snack_bar', 'convenience', 'drugstore'],
  fire_safety: [
    'hotel',
    'restaurant',
    'supermarket',
    'mall',
    'property',
    'entertainment',
    'snack_bar',
    'convenience',
    'internet_cafe',
    'school',
  ],
  environment: ['food_maker'],
  customs: ['trading'],
  transport: ['logistics'],
  medical: ['clinic'],
  housekeeping: ['housekeeper'],
  property: ['property'],
  real_estate: ['developer'],
  ip: ['patent_agency'],
};

const TODAY = '2026-11-28';
const subjectKey = (s: DemoSubject) => s.code ?? s.idNumber!;
const recordKey = (r: DemoRecord) => String(r.subjectCode ?? r.subjectIdNumber);
const industryOf = (r: DemoRecord) => (typeof r.industry === 'string' ? r.industry : 'general');
const fact = (r: DemoRecord): FactRecord => ({
  type: r.type as FactRecord['type'],
  industry: industryOf(r) as FactRecord['industry'],
  decisionDate: String(r.decisionDate),
  status: 'active',
  ...(typeof r.validUntil === 'string' ? { validUntil: r.validUntil } : {}),
});

describe('demo data (演示数据)', () => {
  // Days across a year, the ones before the April tax publication and the first days of a month included.
  const days = [
    '2026-01-01',
    '2026-01-15',
    '2026-03-31',
    '2026-04-19',
    '2026-04-20',
    '2026-07-01',
    '2026-11-29',
    '2027-02-01',
    '2027-12-31',
  ];

  it.each(days)('loaded on %s: every row passes the import rules, none dated after that day', (today) => {
    const { records } = generateDemo(today);
    const late = records.flatMap((r) =>
      (['decisionDate', 'commitmentStatusDate'] as const)
        .filter((f) => typeof r[f] === 'string' && r[f] > today)
        .map((f) => `${String(r.decisionNumber)} ${f}=${String(r[f])}`),
    );
    expect(late).toEqual([]);
    const refused = records.filter((r) => !checkRow(r, today).ok).map((r) => String(r.decisionNumber));
    expect(refused).toEqual([]);
    const tax = records.filter((r) => r.type === 'tax_credit');
    expect(tax.length).toBeGreaterThan(100);
    for (const r of tax) expect(Number(r.taxYear)).toBe(Number(String(r.decisionDate).slice(0, 4)) - 1);
  });

  it('is the same data for the same seed; the subjects do not depend on the day', () => {
    expect(generateDemo(TODAY)).toEqual(generateDemo(TODAY));
    expect(generateDemo('2027-06-30').subjects).toEqual(generateDemo(TODAY).subjects);
    expect(generateDemo(TODAY, 300, 7).subjects).not.toEqual(generateDemo(TODAY).subjects);
  });

  it("gives every subject but a person a GB/T 4754-2017 code of its trade, and each row its subject's code", () => {
    const { subjects, records } = generateDemo(TODAY);
    expect(subjects).toHaveLength(DEMO_COUNT);
    for (const s of subjects) {
      const trade = TRADES[s.trade];
      expect(s.kind).toBe(trade.kind);
      if (s.kind === 'natural_person') expect(s.industryCode).toBeNull();
      else {
        expect(industryCodeProblem(s.industryCode)).toBeUndefined();
        expect(trade.variants.map(([c]) => c)).toContain(s.industryCode);
      }
    }
    const codeOf = new Map(subjects.map((s) => [subjectKey(s), s.industryCode]));
    for (const r of records) expect(r.subjectIndustryCode ?? null).toBe(codeOf.get(recordKey(r)));
    // Every trade is there.
    expect(new Set(subjects.map((s) => s.trade))).toEqual(new Set(Object.keys(TRADES)));
  });

  it('tells the 分行业 story: each industry supervises exactly the trades it should, and no other', () => {
    const { subjects, records } = generateDemo(TODAY);
    const byKey = new Map<string, FactRecord[]>();
    for (const r of records) byKey.set(recordKey(r), [...(byKey.get(recordKey(r)) ?? []), fact(r)]);
    for (const pack of PACKS) {
      const members = subjects.filter(
        (s) =>
          membershipIn(pack, { kind: s.kind, industryCode: s.industryCode }, byKey.get(subjectKey(s)) ?? [], [], TODAY)
            .member,
      );
      expect({ industry: pack.industry, trades: [...new Set(members.map((s) => s.trade))].sort() }).toEqual({
        industry: pack.industry,
        trades: [...MEMBERS[pack.industry]].sort(),
      });
      // Every subject of those trades, not some.
      const expected = subjects.filter((s) => MEMBERS[pack.industry].includes(s.trade));
      expect(members).toHaveLength(expected.length);
    }
  });

  it('keeps records with their trade: builders hold a qualification, no one else a construction record', () => {
    const { subjects, records } = generateDemo(TODAY);
    const tradeOf = new Map(subjects.map((s) => [subjectKey(s), s.trade]));
    for (const s of subjects.filter((x) => x.trade === 'builder')) {
      expect(s.industryCode).toMatch(/^E(47|48|49|50)/);
      const qualification = records.find(
        (r) => recordKey(r) === subjectKey(s) && r.type === 'licence' && r.industry === 'construction',
      );
      expect(qualification).toMatchObject({ content: '建筑业企业资质证书' });
      expect(String(qualification!.validUntil) > TODAY).toBe(true);
    }
    for (const r of records) {
      const trade = TRADES[tradeOf.get(recordKey(r))!];
      const industry = industryOf(r);
      if (industry === 'tax') expect(['legal_person', 'individual_business']).toContain(trade.kind);
      else if (industry !== 'general')
        expect({ trade: trade.key, industry }).toEqual({
          trade: trade.key,
          industry: (trade.supervisedBy as readonly string[]).includes(industry) ? industry : 'its own industry',
        });
    }
    // Hotels in particular (the story's trade): food, fire and tax records, never construction.
    const hotelIndustries = new Set(
      records.filter((r) => tradeOf.get(recordKey(r)) === 'hotel').map((r) => industryOf(r)),
    );
    expect([...hotelIndustries]).toEqual(expect.arrayContaining(['fire_safety', 'food_drug', 'tax']));
    expect(hotelIndustries.has('construction')).toBe(false);
  });

  it('has news every month of the last six among the first 40: a licensed firm penalised by its own department', () => {
    const { subjects, records } = generateDemo(TODAY, 40);
    for (let month = 0; month < 6; month++) {
      const s = subjects[NEWS[month]];
      const own = TRADES[s.trade].licences[0]?.industry;
      expect(own).toBeDefined();
      const news = records.filter(
        (r) => recordKey(r) === subjectKey(s) && r.type === 'penalty' && r.decisionDate === addMonths(TODAY, -month),
      );
      expect(news.map((r) => r.industry)).toEqual([own]);
    }
  });

  it('subject 2 is the README hotel: food, fire and tax, no construction; its fire penalties are fire_safety only', () => {
    const { subjects, records } = generateDemo(TODAY);
    const s = subjects[STORY_SUBJECT.index];
    expect(s).toMatchObject({
      name: '重庆恒通酒店有限公司2',
      code: '91500110MA8EEY8N48',
      kind: 'legal_person',
      trade: 'hotel',
      industryCode: 'H6110',
    });
    const own = records.filter((r) => r.subjectCode === s.code);
    const facts = own.map(fact);
    const memberOf = PACKS.filter((p) => membershipIn(p, s, facts, [], TODAY).member).map((p) => p.industry);
    expect(memberOf.sort()).toEqual(['fire_safety', 'food_drug', 'tax']);
    expect(own.filter((r) => r.type === 'licence').map((r) => [r.industry, r.content])).toEqual([
      ['food_drug', '食品经营许可证'],
      ['fire_safety', '公众聚集场所投入使用、营业前消防安全检查合格证'],
    ]);
    const penalties = own.filter((r) => r.type === 'penalty');
    expect(penalties.map((r) => [r.industry, r.source])).toEqual([
      ['fire_safety', '綦江区消防救援支队'],
      ['fire_safety', '綦江区消防救援支队'],
    ]);
    expect(penalties[0]).toMatchObject({ penaltyTypes: ['fine', 'licence_suspension'], fineAmount: 25.5 });
    expect(own.some((r) => r.industry === 'construction')).toBe(false);
    // The same story on any day: dates move with today, the records do not.
    const later = generateDemo('2027-12-31').records.filter((r) => r.subjectCode === s.code);
    expect(later.map((r) => [r.type, r.industry, r.penaltyTypes])).toEqual(
      own.map((r) => [r.type, r.industry, r.penaltyTypes]),
    );
  });

  it("subject 1 is the check examples' court defaulter: a 失信被执行人 listing, no drawn penalty, inspection or commitment", () => {
    const { subjects, records } = generateDemo(TODAY);
    const s = subjects[COURT_DEFAULTER_INDEX];
    const own = records.filter((r) => recordKey(r) === subjectKey(s));
    expect(own.filter((r) => r.type === 'list_entry').map((r) => r.listType)).toEqual(['court_defaulter']);
    // Drawn records are numbered P1, P2 (penalties), I1 (inspection), C1 (commitment); its news (N1) is not drawn.
    expect(own.filter((r) => /〕(P1|P2|I1|C1)号$/.test(String(r.decisionNumber)))).toEqual([]);
    expect(own.filter((r) => r.type === 'list_entry').map((r) => r.decisionNumber)).toEqual(['綦示范〔1〕L2号']);
  });

  it('gives each patent agency, and no other subject, a public credit evaluation from the platform (公共信用综合评价)', () => {
    const { subjects, records } = generateDemo(TODAY);
    const rated = records.filter((r) => r.type === 'public_credit');
    const agencies = subjects.filter((s) => s.trade === 'patent_agency').map(subjectKey);
    expect(agencies).toHaveLength(LATER_BLOCK);
    expect(rated.map(recordKey).sort()).toEqual([...agencies].sort());
    for (const r of rated) {
      expect(['A', 'B', 'C', 'D']).toContain(r.publicCreditGrade);
      expect(r).toMatchObject({ source: '信用中国（重庆）', decisionDate: '2026-01-15' });
    }
  });

  it('draws each subject from its own stream, and puts later trades after the cycles in blocks', () => {
    // Streams of neighbouring subjects differ from their first value on (not one stream shifted by a draw).
    const firsts = Array.from({ length: 50 }, (_, i) => subjectStream(20261128, i)());
    expect(new Set(firsts).size).toBe(50);
    expect(subjectStream(20261128, 7)()).toBe(subjectStream(20261128, 7)());
    expect(DEMO_COUNT).toBe(CYCLE_SUBJECTS + LATER_BLOCK * LATER_TRADES.length);
    LATER_TRADES.forEach((t, b) => {
      expect(tradeAt(CYCLE_SUBJECTS + b * LATER_BLOCK)).toBe(t);
      expect(tradeAt(CYCLE_SUBJECTS + (b + 1) * LATER_BLOCK - 1)).toBe(t);
    });
    expect(generateDemo(TODAY).subjects).toHaveLength(DEMO_COUNT);
  });
});
