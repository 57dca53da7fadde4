/** The editor-facing JSON Schemas stay in step with the code, and golden-case files are validated too. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCases } from './cases';
import { FACT_CATALOGUE, INDUSTRIES, SUBJECT_KINDS } from '../shared/facts.catalogue';
import { OPERATOR_NAMES } from '../shared/operators';
import { parsePack } from './pack.loader';
import packSchema from '../pack.schema.json';
import casesSchema from '../cases.schema.json';
import { RECORD_INDUSTRIES } from '../shared/industries';
import { CasesValidationError } from '../shared/rules.errors';
import { validPackJson } from '../testing/pack-fixture';

describe('pack.schema.json', () => {
  it('lists the catalogue industries, subject kinds and the operators', () => {
    expect(packSchema.properties.industry.enum).toEqual([...INDUSTRIES]);
    // The editors' copy of the record industries (shared/industries.ts): a new industry goes into both files.
    expect(casesSchema.definitions.record.properties.industry.enum).toEqual([...RECORD_INDUSTRIES]);
    expect(packSchema.properties.appliesTo.items.enum).toEqual([...SUBJECT_KINDS]);
    expect(packSchema.definitions.leafCondition.properties.operator.enum).toEqual([...OPERATOR_NAMES]);
  });
});

describe('docs/rule-packs.md', () => {
  it('has a row for every catalogue fact', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rule-packs.md'), 'utf8');
    expect(FACT_CATALOGUE.map((f) => f.name).filter((n) => !doc.includes(`| \`${n}\` |`))).toEqual([]);
  });
});

describe('golden-case files', () => {
  const pack = parsePack(validPackJson(), 'fixture/pack.json');
  const file = (c: Record<string, unknown>) => ({
    pack: 'fixture',
    cases: [{ name: 'c', facts: {}, expect: { tier: 'A', score: 100, fired: [] }, ...c }],
  });

  it('accepts a valid file', () => {
    expect(parseCases(file({}), pack, 'cases.json').cases).toHaveLength(1);
  });

  it.each([
    ['unknown fact', file({ facts: { nope: 1 } }), '/cases/0/facts/nope'],
    ['fact of the wrong type', file({ facts: { redListed: 1 } }), '/cases/0/facts/redListed'],
    ['unknown tier', file({ expect: { tier: 'Q', score: 1, fired: [] } }), '/cases/0/expect/tier'],
    ['unknown rule', file({ expect: { tier: 'A', score: 1, fired: ['ghost'] } }), '/cases/0/expect/fired/0'],
    ['schema: missing expect', { pack: 'fixture', cases: [{ name: 'c', facts: {} }] }, '/cases/0'],
    ['cases for another pack', { ...file({}), pack: 'other' }, '/pack'],
  ])('refuses %s', (_t, json, path) => {
    try {
      parseCases(json, pack, 'cases.json');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(CasesValidationError);
      expect((e as CasesValidationError).findings.map((f) => f.path)).toContain(path);
    }
  });
});
