import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMeasures, parseMeasures } from './measures.loader';
import { PackValidationError } from '../shared/rules.errors';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';
import { validCatalogueJson, validMeasureRulesJson } from '../testing/measures-fixture';
import type { MutablePack } from '../testing/pack-fixture';

const labels = { catalogue: 'm/catalogue.json', rules: 'm/rules.json' };

function refusal(cat: unknown, rules: unknown): PackValidationError {
  try {
    parseMeasures(cat, rules, labels);
  } catch (e) {
    if (e instanceof PackValidationError) return e;
    throw e;
  }
  throw new Error('measures were accepted');
}

interface Expected {
  file: 'catalogue' | 'rules';
  measure?: string;
  rule?: string;
  path: string;
  message: RegExp;
}
type Case = [string, (cat: MutablePack, rules: MutablePack) => void, Expected];
const m = (cat: MutablePack, i: number): MutablePack => cat.measures[i];
const leaf = (rules: MutablePack, i: number, j: number): MutablePack =>
  (rules.rules[i].conditions.all ?? rules.rules[i].conditions.any)[j];

const CASES: Case[] = [
  [
    'a penalty without a legal basis',
    (c) => delete m(c, 0).legalBasis,
    {
      file: 'catalogue',
      measure: 'exclude',
      path: '/measures/0',
      message: /"legalBasis".*penalty measure without a legal basis does not load.*国办发〔2020〕49号/,
    },
  ],
  [
    'a reward without a legal basis (every measure names one)',
    (c) => delete m(c, 3).legalBasis,
    {
      file: 'catalogue',
      measure: 'prefer',
      path: '/measures/3',
      message: /"legalBasis".*every measure names its legal basis/,
    },
  ],
  [
    'a penalty basis naming an unknown source',
    (c) => (m(c, 0).legalBasis.source = 'nowhere'),
    {
      file: 'catalogue',
      measure: 'exclude',
      path: '/measures/0/legalBasis/source',
      message: /unknown source "nowhere"/,
    },
  ],
  [
    'a penalty resting on a local parameter',
    (c) => (m(c, 1).legalBasis.source = 'local'),
    {
      file: 'catalogue',
      measure: 'limit',
      path: '/measures/1/legalBasis/source',
      message: /verified or secondary legal basis; source "local" is local-parameter/,
    },
  ],
  [
    'a reward basis naming an unknown source',
    (c) => (m(c, 3).legalBasis.source = 'nowhere'),
    {
      file: 'catalogue',
      measure: 'prefer',
      path: '/measures/3/legalBasis/source',
      message: /unknown source "nowhere"/,
    },
  ],
  [
    'an unknown scenario in a measure',
    (c) => m(c, 1).scenarios.push('fishing'),
    { file: 'catalogue', measure: 'limit', path: '/measures/1/scenarios/2', message: /unknown scenario "fishing"/ },
  ],
  [
    'an effect that does not fit the kind',
    (c) => (m(c, 3).effect = 'block'),
    {
      file: 'catalogue',
      measure: 'prefer',
      path: '/measures/3/effect',
      message: /reward measure cannot have effect "block"/,
    },
  ],
  [
    'a penalty that facilitates',
    (c) => (m(c, 0).effect = 'facilitate'),
    {
      file: 'catalogue',
      measure: 'exclude',
      path: '/measures/0/effect',
      message: /penalty measure cannot have effect "facilitate"/,
    },
  ],
  [
    'duplicate measure codes',
    (c) => (m(c, 2).code = 'limit'),
    { file: 'catalogue', measure: 'limit', path: '/measures/2/code', message: /duplicate measure code "limit"/ },
  ],
  [
    'duplicate scenario codes',
    (c) => (c.scenarios[2].code = 'land'),
    { file: 'catalogue', path: '/scenarios/2/code', message: /duplicate scenario "land"/ },
  ],
  [
    'duplicate legal sources',
    (c) => c.legalSources.push({ id: 'law', title: 'again', status: 'verified' }),
    { file: 'catalogue', path: '/legalSources/3/id', message: /duplicate legal source "law"/ },
  ],
  [
    'schema: unknown kind',
    (c) => (m(c, 0).kind = 'warning'),
    { file: 'catalogue', measure: 'exclude', path: '/measures/0/kind', message: /allowed values/ },
  ],
  [
    'schema: no departments',
    (c) => (m(c, 2).departments = []),
    { file: 'catalogue', measure: 'review', path: '/measures/2/departments', message: /fewer than 1/ },
  ],
  [
    'an unknown measure code in a rule',
    (_c, r) => (r.rules[0].event.params.measure = 'banish'),
    { file: 'rules', rule: 'listed', path: '/rules/0/event/params/measure', message: /unknown measure "banish"/ },
  ],
  [
    'an unknown fact in a rule',
    (_c, r) => (leaf(r, 0, 0).fact = 'isNaughty'),
    {
      file: 'rules',
      rule: 'listed',
      path: '/rules/0/conditions/all/0/fact',
      message: /unknown fact "isNaughty" \(not in the check facts\)/,
    },
  ],
  [
    'a numeric operator on a boolean fact',
    (_c, r) => Object.assign(leaf(r, 0, 0), { operator: 'greaterThan', value: 0 }),
    {
      file: 'rules',
      rule: 'listed',
      path: '/rules/0/conditions/all/0/operator',
      message: /does not fit boolean fact "courtDefaulterListed"/,
    },
  ],
  [
    'a party role that does not exist',
    (_c, r) => (leaf(r, 0, 1).value = ['bidder', 'king']),
    {
      file: 'rules',
      rule: 'listed',
      path: '/rules/0/conditions/all/1/value/1',
      message: /"king" is not one of the values of "partyRole"/,
    },
  ],
  [
    'a scenario value not in the catalogue',
    (_c, r) => (leaf(r, 3, 1).value = 'fishing'),
    {
      file: 'rules',
      rule: 'amount-and-scenario',
      path: '/rules/3/conditions/all/1/value',
      message: /"fishing" is not one of the values of "scenario"/,
    },
  ],
  [
    'a tier the industry does not have',
    (_c, r) => (leaf(r, 2, 0).value = 'M'),
    {
      file: 'rules',
      rule: 'tier-d',
      path: '/rules/2/conditions/any/0/value',
      message: /"M" is not one of the values of "constructionTier"/,
    },
  ],
  [
    'an unknown parameter',
    (_c, r) => (leaf(r, 1, 0).value = { param: 'nope' }),
    {
      file: 'rules',
      rule: 'big-fine',
      path: '/rules/1/conditions/any/0/value/param',
      message: /unknown parameter "nope"/,
    },
  ],
  [
    'a parameter with an unknown source',
    (_c, r) => (r.parameters.bigFine.source = 'nowhere'),
    { file: 'rules', path: '/parameters/bigFine/source', message: /unknown legal source "nowhere"/ },
  ],
  [
    'duplicate rule names',
    (_c, r) => (r.rules[1].name = 'listed'),
    { file: 'rules', rule: 'listed', path: '/rules/1/name', message: /duplicate rule name "listed"/ },
  ],
  [
    'schema: an event that is not a measure',
    (_c, r) => (r.rules[0].event.type = 'score'),
    { file: 'rules', rule: 'listed', path: '/rules/0/event/type', message: /constant/ },
  ],
  ['schema: a bad version', (_c, r) => (r.version = 'one'), { file: 'rules', path: '/version', message: /pattern/ }],
  [
    'schema: json-rules-engine path is not allowed',
    (_c, r) => (leaf(r, 0, 0).path = '$.x'),
    { file: 'rules', rule: 'listed', path: '/rules/0/conditions/all/0', message: /unknown property "path"/ },
  ],
];

describe('parseMeasures refuses the whole set, naming file, measure or rule, and field', () => {
  it('accepts the valid fixture (a reward may rest on a local source)', () => {
    const loaded = parseMeasures(validCatalogueJson(), validMeasureRulesJson(), labels);
    expect(loaded.version).toBe('0.1.0');
    expect(loaded.catalogue.measures.map((x) => x.code)).toEqual(['exclude', 'limit', 'review', 'prefer']);
  });

  it.each(CASES)('%s', (_title, mutate, expected) => {
    const [cat, rules] = [validCatalogueJson(), validMeasureRulesJson()];
    mutate(cat, rules);
    const err = refusal(cat, rules);
    expect(err.code).toBe('RULES_PACK_INVALID');
    const file = labels[expected.file];
    const finding = err.findings.find((f) => f.path === expected.path && expected.message.test(f.message));
    expect({ finding, all: err.findings }).toMatchObject({ finding: { file, path: expected.path } });
    expect(finding?.measure).toBe(expected.measure);
    expect(finding?.rule).toBe(expected.rule);
    expect(err.message).toContain(file);
    if (expected.measure) expect(err.message).toContain(`measure "${expected.measure}"`);
    if (expected.rule) expect(err.message).toContain(`rule "${expected.rule}"`);
  });

  it('does not check rules against a catalogue whose shape is broken, but still reports both files', () => {
    const [cat, rules] = [validCatalogueJson(), validMeasureRulesJson()];
    delete cat.scenarios;
    rules.version = 'x';
    expect(refusal(cat, rules).findings.map((f) => [f.file, f.path])).toEqual([
      [labels.catalogue, ''],
      [labels.rules, '/version'],
    ]);
  });
});

describe('loadMeasures', () => {
  const root = (): string => mkdtempSync(join(tmpdir(), 'measures-'));
  const write = (dir: string, name: string, text: string): void => {
    mkdirSync(join(dir, 'measures'), { recursive: true });
    writeFileSync(join(dir, 'measures', name), text);
  };

  it('loads the bundled catalogue and rules; files point editors at their schemas', () => {
    const loaded = loadMeasures(RULE_PACKS_DIR);
    expect(loaded.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(loaded.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.catalogue.measures.length).toBeGreaterThanOrEqual(12);
    const json = (name: string) =>
      JSON.parse(readFileSync(join(RULE_PACKS_DIR, 'measures', name), 'utf8')) as { $schema: string };
    expect(json('catalogue.json').$schema).toBe('../../src/rules/measures.schema.json');
    expect(json('rules.json').$schema).toBe('../../src/rules/measure-rules.schema.json');
    expect(json('cases.json').$schema).toBe('../../src/rules/measure-cases.schema.json');
  });

  it('refuses unreadable or invalid JSON naming the file', () => {
    const dir = root();
    write(dir, 'catalogue.json', JSON.stringify(validCatalogueJson()));
    expect(() => loadMeasures(dir)).toThrow(/measures\/rules\.json.*cannot read file/);
    write(dir, 'rules.json', '{ "id": ');
    expect(() => loadMeasures(dir)).toThrow(/measures\/rules\.json.*not valid JSON/);
    write(dir, 'rules.json', JSON.stringify(validMeasureRulesJson()));
    expect(loadMeasures(dir).rules.rules).toHaveLength(5);
  });

  it('resolves parameters, deep-freezes, and hashes the content', () => {
    const a = parseMeasures(validCatalogueJson(), validMeasureRulesJson(), labels);
    const bigFine = a.rules.rulesFile.rules[1].conditions;
    expect(bigFine).toEqual({
      any: [
        { fact: 'maxFineLast36Months', operator: 'greaterThanInclusive', value: 50 },
        { fact: 'majorViolationPenaltiesLast36Months', operator: 'greaterThan', value: 0 },
      ],
    });
    expect(Object.isFrozen(bigFine)).toBe(true);
    expect(Object.isFrozen(a.catalogue.measures[0].legalBasis)).toBe(true);
    expect(a.catalogue).not.toHaveProperty('$schema');
    expect(parseMeasures(validCatalogueJson(), validMeasureRulesJson(), labels).contentHash).toBe(a.contentHash);
    const changed = validMeasureRulesJson();
    changed.parameters.bigFine.value = 51;
    expect(parseMeasures(validCatalogueJson(), changed, labels).contentHash).not.toBe(a.contentHash);
  });
});
