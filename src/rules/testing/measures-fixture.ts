/** A small valid measures catalogue and measure rules for tests; every call returns fresh mutable copies. */
import type { MutablePack } from './pack-fixture';

const text = (s: string) => ({ name: s, nameZh: `${s}（中）` });

export function validCatalogueJson(): MutablePack {
  const measure = (code: string, kind: string, effect: string, scenarios: string[], source: string) => ({
    code,
    kind,
    ...text(code),
    scenarios,
    effect,
    description: `${code} description`,
    descriptionZh: `${code} 说明`,
    legalBasis: { source },
    departments: ['财政部门'],
  });
  return {
    $schema: '../../src/rules/measures.schema.json',
    scenarios: [
      { code: 'procurement', ...text('Procurement') },
      { code: 'land', ...text('Land') },
      { code: 'awards', ...text('Awards') },
    ],
    legalSources: [
      { id: 'law', title: 'A law', documentNumber: 'L〔2020〕1号', article: 'Art. 1', status: 'verified' },
      { id: 'summary', title: 'A summary', status: 'secondary', note: 'from a summary' },
      { id: 'local', title: 'Local', status: 'local-parameter' },
    ],
    measures: [
      {
        ...measure('exclude', 'penalty', 'block', ['procurement'], 'law'),
        legalBasis: { source: 'law', article: 'Art. 9', note: 'n' },
      },
      measure('limit', 'penalty', 'restrict', ['procurement', 'land'], 'summary'),
      measure('review', 'penalty', 'scrutinise', ['procurement', 'land', 'awards'], 'law'),
      measure('prefer', 'reward', 'facilitate', ['procurement', 'awards'], 'local'),
    ],
  };
}

export function validMeasureRulesJson(): MutablePack {
  const event = (measure: string) => ({
    type: 'measure',
    params: { measure, reason: `${measure} reason`, reasonZh: `${measure} 理由` },
  });
  return {
    $schema: '../../src/rules/measure-rules.schema.json',
    id: 'fixture-measures',
    version: '0.1.0',
    effectiveDate: '2026-01-01',
    legalSources: [{ id: 'local', title: 'Local', status: 'local-parameter' }],
    parameters: { bigFine: { value: 50, unit: '万元', source: 'local' } },
    rules: [
      {
        name: 'listed',
        priority: 10,
        conditions: {
          all: [
            { fact: 'courtDefaulterListed', operator: 'equal', value: true },
            { fact: 'partyRole', operator: 'in', value: ['bidder', 'supplier'] },
          ],
        },
        event: event('exclude'),
      },
      {
        name: 'big-fine',
        conditions: {
          any: [
            { fact: 'maxFineLast36Months', operator: 'greaterThanInclusive', value: { param: 'bigFine' } },
            { fact: 'majorViolationPenaltiesLast36Months', operator: 'greaterThan', value: 0 },
          ],
        },
        event: event('limit'),
      },
      {
        name: 'tier-d',
        conditions: {
          any: [
            { fact: 'constructionTier', operator: 'equal', value: 'D' },
            { fact: 'taxTier', operator: 'in', value: ['C', 'D'] },
          ],
        },
        event: event('review'),
      },
      {
        name: 'amount-and-scenario',
        conditions: {
          all: [
            { fact: 'amount', operator: 'greaterThan', value: 1000000 },
            { fact: 'scenario', operator: 'equal', value: 'land' },
            { fact: 'penaltiesLast12Months', operator: 'greaterThan', value: { fact: 'inspectionsLast12Months' } },
          ],
        },
        event: event('review'),
      },
      {
        name: 'red',
        conditions: {
          all: [
            { fact: 'redListed', operator: 'equal', value: true },
            { not: { fact: 'seriousDishonestyListed', operator: 'equal', value: true } },
          ],
        },
        event: event('prefer'),
      },
    ],
  };
}
