/** A small valid pack for tests; every call returns a fresh mutable copy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON on purpose: specs break it into invalid packs
export type MutablePack = Record<string, any>;

export function validPackJson(): MutablePack {
  const basis = { source: 'src-a' };
  return {
    $schema: '../../src/rules/pack.schema.json',
    id: 'fixture',
    industry: 'food_drug',
    name: 'Fixture',
    nameZh: '测试包',
    version: '0.1.0',
    effectiveDate: '2026-01-01',
    appliesTo: ['legal_person'],
    membership: { fromRecords: ['licence'], industryCodes: ['C14'], source: 'src-local' },
    crossIndustryFacts: Object.fromEntries(
      [
        'penaltiesLast12Months',
        'seriousDishonestyListed',
        'taxCreditLevel',
        'inspectionFailuresLast12Months',
        'inspectionsLast12Months',
      ].map((f) => [f, { reason: 'r', reasonZh: '理由' }]),
    ),
    legalSources: [
      { id: 'src-a', title: 'Source A', documentNumber: 'A〔2020〕1号', status: 'verified', article: 'Art. 1' },
      { id: 'src-local', title: 'Local', status: 'local-parameter' },
    ],
    parameters: {
      threshold: { value: 2, source: 'src-local' },
      ratio: { value: 0.1, source: 'src-local' },
    },
    scoring: { base: 100, min: 0, max: 100 },
    tiers: [
      { tier: 'A', label: 'A', labelZh: '甲', minScore: 80, maxScore: null },
      { tier: 'N', label: 'New', labelZh: '新', forcedOnly: true },
      { tier: 'B', label: 'B', labelZh: '乙', minScore: 50, maxScore: 80 },
      { tier: 'C', label: 'C', labelZh: '丙', minScore: 0, maxScore: 50 },
    ],
    rules: [
      {
        name: 'penalties',
        conditions: {
          all: [{ fact: 'penaltiesLast12Months', operator: 'greaterThanInclusive', value: { param: 'threshold' } }],
        },
        event: { type: 'score', params: { points: -30, reason: 'r', reasonZh: '理由', legalBasis: basis } },
      },
      {
        name: 'listed',
        priority: 5,
        conditions: {
          any: [
            { fact: 'seriousDishonestyListed', operator: 'equal', value: true },
            { not: { fact: 'taxCreditLevel', operator: 'notIn', value: ['D', null] } },
          ],
        },
        event: {
          type: 'force-tier',
          params: {
            tier: 'C',
            reason: 'r',
            reasonZh: '理由',
            legalBasis: { source: 'src-a', article: 'Art. 9', note: 'n' },
          },
        },
      },
      {
        name: 'new',
        conditions: { all: [{ fact: 'yearsSinceRegistration', operator: 'lessThan', value: 1 }] },
        event: { type: 'force-tier', params: { tier: 'N', reason: 'r', reasonZh: '理由', legalBasis: basis } },
      },
      {
        name: 'all-failed',
        conditions: {
          all: [
            {
              fact: 'inspectionFailuresLast12Months',
              operator: 'greaterThanInclusive',
              value: { fact: 'inspectionsLast12Months' },
            },
            { fact: 'inspectionsLast12Months', operator: 'greaterThan', value: 0 },
          ],
        },
        event: { type: 'score', params: { points: -25, reason: 'r', reasonZh: '理由', legalBasis: basis } },
      },
    ],
    inspectionPolicy: {
      A: {
        samplingRatio: { param: 'ratio' },
        minInspectionsPerYear: 0.5,
        onSiteWithoutLead: false,
        source: 'src-local',
      },
      N: { samplingRatio: 0.05, minInspectionsPerYear: 1, onSiteWithoutLead: true, source: 'src-local' },
      B: { samplingRatio: 0.05, minInspectionsPerYear: 1, onSiteWithoutLead: true, source: 'src-local' },
      C: {
        samplingRatio: 1,
        minInspectionsPerYear: 3,
        onSiteWithoutLead: true,
        keyItemsFull: true,
        source: 'src-a',
        note: 'key items',
      },
    },
  };
}
