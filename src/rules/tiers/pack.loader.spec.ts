import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintRulePacks } from '../lint/lint';
import { loadPack, loadPacks, parsePack } from './pack.loader';
import { PackValidationError } from '../shared/rules.errors';
import { validPackJson, type MutablePack } from '../testing/pack-fixture';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';

const FILE = 'fixture/pack.json';

function refusal(json: unknown, file = FILE): PackValidationError {
  try {
    parsePack(json, file);
  } catch (e) {
    if (e instanceof PackValidationError) return e;
    throw e;
  }
  throw new Error('pack was accepted');
}

type Case = [string, (p: MutablePack) => void, { rule?: string; path: string; message: RegExp }];
const rule0 = (p: MutablePack): MutablePack => p.rules[0];
const leaf0 = (p: MutablePack): MutablePack => p.rules[0].conditions.all[0];

const CASES: Case[] = [
  [
    'schema: event without legal basis',
    (p) => delete rule0(p).event.params.legalBasis,
    { rule: 'penalties', path: '/rules/0/event/params', message: /"legalBasis"/ },
  ],
  [
    'legal basis names an unknown source',
    (p) => (rule0(p).event.params.legalBasis.source = 'nowhere'),
    { rule: 'penalties', path: '/rules/0/event/params/legalBasis/source', message: /unknown source "nowhere"/ },
  ],
  [
    'schema: json-rules-engine path is not allowed',
    (p) => (leaf0(p).path = '$.x'),
    { rule: 'penalties', path: '/rules/0/conditions/all/0', message: /unknown property "path"/ },
  ],
  [
    'schema: condition root must be all/any/not',
    (p) => (rule0(p).conditions = leaf0(p)),
    { rule: 'penalties', path: '/rules/0/conditions', message: /one of "all", "any" or "not"/ },
  ],
  [
    'schema: unknown operator',
    (p) => (leaf0(p).operator = 'between'),
    { rule: 'penalties', path: '/rules/0/conditions/all/0/operator', message: /allowed values/ },
  ],
  [
    'schema: zero points',
    (p) => (rule0(p).event.params.points = 0),
    { rule: 'penalties', path: '/rules/0/event/params/points', message: /must NOT be valid/ },
  ],
  ['schema: bad version', (p) => (p.version = '1.0'), { path: '/version', message: /pattern/ }],
  [
    'unknown fact',
    (p) => (leaf0(p).fact = 'penaltiesLastDecade'),
    { rule: 'penalties', path: '/rules/0/conditions/all/0/fact', message: /unknown fact "penaltiesLastDecade"/ },
  ],
  [
    'numeric operator on a boolean fact',
    (p) => (p.rules[1].conditions.any[0].operator = 'greaterThan'),
    {
      rule: 'listed',
      path: '/rules/1/conditions/any/0/operator',
      message: /does not fit boolean fact "seriousDishonestyListed"/,
    },
  ],
  [
    'in without a list',
    (p) => Object.assign(leaf0(p), { operator: 'in', value: 3 }),
    { rule: 'penalties', path: '/rules/0/conditions/all/0/value', message: /needs a list/ },
  ],
  [
    'numeric comparison with a string',
    (p) => (leaf0(p).value = '2'),
    { rule: 'penalties', path: '/rules/0/conditions/all/0/value', message: /needs a number/ },
  ],
  [
    'string value outside the fact values',
    (p) => (p.rules[1].conditions.any[1].not.value = ['D', 'E']),
    {
      rule: 'listed',
      path: '/rules/1/conditions/any/1/not/value/1',
      message: /"E" is not one of the values of "taxCreditLevel"/,
    },
  ],
  [
    'null on a fact that is never null',
    (p) => Object.assign(leaf0(p), { operator: 'equal', value: null }),
    { rule: 'penalties', path: '/rules/0/conditions/all/0/value', message: /never null/ },
  ],
  [
    'fact reference of another type',
    (p) => (p.rules[3].conditions.all[0].value = { fact: 'redListed' }),
    { rule: 'all-failed', path: '/rules/3/conditions/all/0/value/fact', message: /"redListed" is a boolean/ },
  ],
  [
    'unknown parameter',
    (p) => (leaf0(p).value = { param: 'nope' }),
    { rule: 'penalties', path: '/rules/0/conditions/all/0/value/param', message: /unknown parameter "nope"/ },
  ],
  [
    'contains fits no catalogue fact',
    (p) => Object.assign(leaf0(p), { operator: 'contains', value: 1 }),
    { rule: 'penalties', path: '/rules/0/conditions/all/0/operator', message: /fits no catalogue fact/ },
  ],
  [
    'duplicate rule names',
    (p) => (p.rules[2].name = 'penalties'),
    { rule: 'penalties', path: '/rules/2/name', message: /duplicate rule name/ },
  ],
  [
    'force-tier to an unknown tier',
    (p) => (p.rules[1].event.params.tier = 'Z'),
    { rule: 'listed', path: '/rules/1/event/params/tier', message: /unknown tier "Z"/ },
  ],
  [
    'tier gap',
    (p) => (p.tiers[2].maxScore = 70),
    { path: '/tiers/2/maxScore', message: /gap: maxScore 70 of "B" must equal minScore 80 of "A"/ },
  ],
  ['tier overlap', (p) => (p.tiers[3].maxScore = 60), { path: '/tiers/3/maxScore', message: /overlap/ }],
  [
    'best tier not open above',
    (p) => (p.tiers[0].maxScore = 101),
    { path: '/tiers/0/maxScore', message: /open above/ },
  ],
  [
    'worst tier does not reach scoring.min',
    (p) => (p.tiers[3].minScore = 10),
    { path: '/tiers/3/minScore', message: /scores from 0 to 10 fall in no tier/ },
  ],
  [
    'base outside the scoring range',
    (p) => (p.scoring.base = 120),
    { path: '/scoring/base', message: /outside the scoring range/ },
  ],
  [
    'scores beyond what a stored tier holds (numeric(10,2))',
    (p) => (p.scoring = { base: 100000000, min: 0, max: 100000000 }),
    { path: '/scoring', message: /scores up to 100000000: .* at most 99999999\.99/ },
  ],
  [
    'scores below what a stored tier holds, no scoring.min',
    (p) => {
      p.scoring = { base: 0, max: 100 };
      p.tiers[3].minScore = null;
      rule0(p).event.params.points = -100000000;
    },
    { path: '/scoring', message: /scores down to -100000025/ },
  ],
  [
    'a base with more decimals than a stored score keeps',
    (p) => (p.scoring.base = 99.995),
    { path: '/scoring/base', message: /two decimals/ },
  ],
  [
    'forced-only tier nobody forces',
    (p) => (p.rules[2].event.params.tier = 'B'),
    { path: '/tiers/1', message: /can never be assigned/ },
  ],
  [
    'schema: forced-only tier with a band',
    (p) => (p.tiers[1].minScore = 1),
    { path: '/tiers/1/minScore', message: /not allowed here/ },
  ],
  [
    'inspection policy missing for a tier',
    (p) => delete p.inspectionPolicy.B,
    { path: '/inspectionPolicy', message: /no inspection policy for tier "B"/ },
  ],
  [
    'inspection policy with an unknown source',
    (p) => (p.inspectionPolicy.C.source = 'nowhere'),
    { path: '/inspectionPolicy/C/source', message: /unknown legal source/ },
  ],
  [
    'sampling ratio parameter above 1',
    (p) => (p.parameters.ratio.value = 2),
    { path: '/inspectionPolicy/A/samplingRatio/param', message: /outside \[0, 1\]/ },
  ],
  [
    'parameter with an unknown source',
    (p) => (p.parameters.ratio.source = 'nowhere'),
    { path: '/parameters/ratio/source', message: /unknown legal source/ },
  ],
  [
    'duplicate legal source',
    (p) => p.legalSources.push({ id: 'src-a', title: 'again', status: 'secondary' }),
    { path: '/legalSources/2/id', message: /duplicate legal source/ },
  ],
  [
    'measures are not supported yet',
    (p) => (p.measures = [{ scenario: 'tendering' }]),
    { path: '/measures', message: /issue #3/ },
  ],
];

describe('parsePack refuses a bad pack, naming file, rule and field', () => {
  it('accepts the valid fixture', () => {
    expect(parsePack(validPackJson(), FILE).id).toBe('fixture');
  });

  it.each(CASES)('%s', (_title, mutate, expected) => {
    const json = validPackJson();
    mutate(json);
    const err = refusal(json);
    expect(err.code).toBe('RULES_PACK_INVALID');
    const finding = err.findings.find((f) => f.path === expected.path && expected.message.test(f.message));
    expect({ finding, all: err.findings }).toMatchObject({ finding: { file: FILE, path: expected.path } });
    expect(finding?.rule).toBe(expected.rule);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain(expected.path);
    if (expected.rule) expect(err.message).toContain(`rule "${expected.rule}"`);
  });
});

describe('loading from directories', () => {
  const root = mkdtempSync(join(tmpdir(), 'packs-'));
  const write = (dir: string, text: string): string => {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'pack.json'), text);
    return join(root, dir);
  };

  it('loads a pack whose id matches its directory', () => {
    expect(loadPack(write('fixture', JSON.stringify(validPackJson()))).rules).toHaveLength(4);
  });

  it('refuses invalid JSON with the file named', () => {
    const dir = write('broken', '{ "id": ');
    expect(() => loadPack(dir)).toThrow(PackValidationError);
    expect(() => loadPack(dir)).toThrow(/broken\/pack\.json.*not valid JSON/);
  });

  it('refuses a pack whose id is not its directory name', () => {
    const dir = write('other-name', JSON.stringify(validPackJson()));
    expect(() => loadPack(dir)).toThrow(/\/id: pack id "fixture" must equal its directory name "other-name"/);
  });

  it('loadPacks refuses them all when one is bad (nothing partially loaded)', () => {
    const only = mkdtempSync(join(tmpdir(), 'packs-'));
    mkdirSync(join(only, 'fixture'));
    writeFileSync(join(only, 'fixture', 'pack.json'), JSON.stringify(validPackJson()));
    expect(loadPacks(only)).toHaveLength(1);
    const bad = validPackJson();
    bad.id = 'zzz';
    bad.rules[0].event.params.legalBasis.source = 'nowhere';
    mkdirSync(join(only, 'zzz'));
    writeFileSync(join(only, 'zzz', 'pack.json'), JSON.stringify(bad));
    expect(() => loadPacks(only)).toThrow(
      /zzz\/pack\.json rule "penalties" at \/rules\/0\/event\/params\/legalBasis\/source/,
    );
  });

  it('one pack per industry: loadPacks and the linter refuse a second pack tiering an industry already tiered', () => {
    const two = mkdtempSync(join(tmpdir(), 'packs-'));
    mkdirSync(join(two, 'fixture'));
    writeFileSync(join(two, 'fixture', 'pack.json'), JSON.stringify(validPackJson()));
    const second = validPackJson();
    second.id = 'food';
    mkdirSync(join(two, 'food'));
    writeFileSync(join(two, 'food', 'pack.json'), JSON.stringify(second));
    expect(() => loadPacks(two)).toThrow(
      /food\/pack\.json at \/industry: industry "food_drug" is already tiered by pack "fixture"/,
    );
    expect(lintRulePacks(two).filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ file: join(two, 'food', 'pack.json'), path: '/industry', code: 'invalid' }),
    ]);
    second.industry = 'fire_safety';
    writeFileSync(join(two, 'food', 'pack.json'), JSON.stringify(second));
    expect(loadPacks(two).map((p) => p.industry)).toEqual(['food_drug', 'fire_safety']);
  });

  it('the bundled packs point editors at the schema', () => {
    const json = JSON.parse(readFileSync(join(RULE_PACKS_DIR, 'tax', 'pack.json'), 'utf8')) as { $schema: string };
    expect(json.$schema).toBe('../../src/rules/pack.schema.json');
  });
});

describe('the loaded pack', () => {
  it('resolves parameters and is deep-frozen', () => {
    const pack = parsePack(validPackJson(), FILE);
    expect(pack.rules[0].conditions).toEqual({
      all: [{ fact: 'penaltiesLast12Months', operator: 'greaterThanInclusive', value: 2 }],
    });
    expect(pack.inspectionPolicy.A.samplingRatio).toBe(0.1);
    expect(Object.isFrozen(pack.rules[0].conditions)).toBe(true);
    expect(pack).not.toHaveProperty('$schema');
  });
});
