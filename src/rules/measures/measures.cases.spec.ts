import { parseMeasureCases } from './measures.cases';
import { parseMeasures } from './measures.loader';
import { CasesValidationError } from '../shared/rules.errors';
import { validCatalogueJson, validMeasureRulesJson } from '../testing/measures-fixture';

const compiled = parseMeasures(validCatalogueJson(), validMeasureRulesJson()).rules;
const file = (c: Record<string, unknown>) => ({
  rules: 'fixture-measures',
  cases: [{ name: 'c', facts: { scenario: 'land' }, expect: { verdict: 'pass', measures: [], rules: [] }, ...c }],
});

describe('measure golden-case files', () => {
  it('accepts a valid file', () => {
    expect(parseMeasureCases(file({}), compiled, 'cases.json').cases).toHaveLength(1);
  });

  it.each([
    ['schema: no scenario', file({ facts: {} }), '/cases/0/facts'],
    [
      'schema: unknown verdict',
      file({ expect: { verdict: 'maybe', measures: [], rules: [] } }),
      '/cases/0/expect/verdict',
    ],
    ['unknown fact', file({ facts: { scenario: 'land', nope: 1 } }), '/cases/0/facts/nope'],
    ['fact of the wrong type', file({ facts: { scenario: 'land', redListed: 'yes' } }), '/cases/0/facts/redListed'],
    ['unknown scenario', file({ facts: { scenario: 'fishing' } }), '/cases/0/facts/scenario'],
    [
      'unknown measure',
      file({ expect: { verdict: 'pass', measures: ['ghost'], rules: [] } }),
      '/cases/0/expect/measures/0',
    ],
    ['unknown rule', file({ expect: { verdict: 'pass', measures: [], rules: ['ghost'] } }), '/cases/0/expect/rules/0'],
    ['cases for other rules', { ...file({}), rules: 'other' }, '/rules'],
  ])('refuses %s', (_t, json, path) => {
    try {
      parseMeasureCases(json, compiled, 'cases.json');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(CasesValidationError);
      expect((e as CasesValidationError).findings.map((f) => f.path)).toContain(path);
    }
  });
});
