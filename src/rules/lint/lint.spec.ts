import { lintMeasures, lintPack, type LintFinding } from './lint';
import { validPackJson, type MutablePack } from '../testing/pack-fixture';
import { validCatalogueJson, validMeasureRulesJson } from '../testing/measures-fixture';

const F = 'rule-packs/fixture/pack.json';
const labels = { catalogue: 'catalogue.json', rules: 'rules.json' };
const pick = (fs: readonly LintFinding[]) =>
  fs.map(({ severity, file, rule, path, code }) => ({ severity, file, rule, path, code }));
const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });

describe('lintPack', () => {
  it('refuses a cross-industry fact the pack does not declare, names its own-industry counterpart (分行业)', () => {
    const p = validPackJson();
    delete p.crossIndustryFacts.penaltiesLast12Months;
    const found = lintPack(p, F).filter((f) => f.code === 'cross-industry-undeclared');
    expect(pick(found)).toEqual([
      { severity: 'error', file: F, rule: 'penalties', path: '/rules/0/conditions', code: 'cross-industry-undeclared' },
    ]);
    expect(found[0].message).toContain('industryPenaltiesLast12Months');
    p.rules[0].conditions.all[0].fact = 'industryPenaltiesLast12Months'; // the pack's own industry: nothing to declare
    expect(lintPack(p, F)).toEqual([]);
  });

  it('warns of a declared cross-industry fact no rule reads, and of a pack without membership', () => {
    const p = validPackJson();
    p.crossIndustryFacts.redListed = { reason: 'r', reasonZh: '理由' };
    delete p.membership;
    expect(pick(lintPack(p, F))).toEqual([
      {
        severity: 'warning',
        file: F,
        path: '/crossIndustryFacts/redListed',
        code: 'cross-industry-unused',
        rule: undefined,
      },
      { severity: 'warning', file: F, path: '/membership', code: 'membership-undeclared', rule: undefined },
    ]);
  });

  it('refuses declaring a fact that is not cross-industry, and a membership naming an unknown source', () => {
    const p = validPackJson();
    p.crossIndustryFacts.industryPenaltiesLast12Months = { reason: 'r', reasonZh: '理由' };
    p.membership.source = 'nowhere';
    expect(lintPack(p, F).map((f) => [f.code, f.path, f.message])).toEqual([
      ['invalid', '/membership/source', 'unknown legal source "nowhere"'],
      [
        'invalid',
        '/crossIndustryFacts/industryPenaltiesLast12Months',
        '"industryPenaltiesLast12Months" is a fact of scope industry, not cross-industry: nothing to declare',
      ],
    ]);
  });

  it('finds nothing in the fixture pack', () => {
    expect(lintPack(validPackJson(), F)).toEqual([]);
  });

  it('reports what the schema refuses as an error', () => {
    const p = validPackJson();
    delete p.rules[0].event.params.legalBasis;
    expect(pick(lintPack(p, F))).toContainEqual({
      severity: 'error',
      file: F,
      rule: 'penalties',
      path: '/rules/0/event/params',
      code: 'schema',
    });
  });

  it.each([
    [
      'an unknown fact',
      (p: MutablePack) => (p.rules[0].conditions.all[0].fact = 'nope'),
      '/rules/0/conditions/all/0/fact',
      'penalties',
    ],
    [
      'an operator that does not fit',
      (p: MutablePack) => (p.rules[2].conditions.all[0].operator = 'in'),
      '/rules/2/conditions/all/0/value',
      'new',
    ],
    ['a duplicate name', (p: MutablePack) => (p.rules[3].name = 'new'), '/rules/3/name', 'new'],
    [
      'a legal basis naming no source',
      (p: MutablePack) => (p.rules[0].event.params.legalBasis = { source: 'none' }),
      '/rules/0/event/params/legalBasis/source',
      'penalties',
    ],
    ['a tier gap', (p: MutablePack) => (p.tiers[2].maxScore = 70), '/tiers/2/maxScore', undefined],
  ])('reports %s (loader) as an error', (_what, edit, path, rule) => {
    const p = validPackJson();
    edit(p);
    expect(pick(lintPack(p, F))).toContainEqual({ severity: 'error', file: F, rule, path, code: 'invalid' });
  });

  it('reports a rule whose conditions contradict each other', () => {
    const p = validPackJson();
    p.rules[0].conditions = {
      all: [leaf('penaltiesLast12Months', 'greaterThan', 5), leaf('penaltiesLast12Months', 'lessThan', 3)],
    };
    const [f] = lintPack(p, F);
    expect(pick([f])).toEqual([
      { severity: 'error', file: F, rule: 'penalties', path: '/rules/0/conditions/all/1', code: 'never-fires' },
    ]);
    expect(f.message).toContain('contradictory conditions on "penaltiesLast12Months"');
  });

  it('reports equal to two different values, also across nesting and parameters', () => {
    const p = validPackJson();
    p.rules[1].conditions = {
      all: [leaf('taxCreditLevel', 'equal', 'A'), { all: [leaf('taxCreditLevel', 'equal', 'D')] }],
    };
    p.rules[0].conditions = {
      all: [
        leaf('penaltiesLast12Months', 'lessThan', { param: 'threshold' }),
        { not: leaf('penaltiesLast12Months', 'lessThan', 3) },
      ],
    };
    delete p.crossIndustryFacts.seriousDishonestyListed; // no rule reads it any more
    expect(pick(lintPack(p, F))).toEqual([
      { severity: 'error', file: F, rule: 'penalties', path: '/rules/0/conditions/all/1/not', code: 'never-fires' },
      { severity: 'error', file: F, rule: 'listed', path: '/rules/1/conditions/all/1/all/0', code: 'never-fires' },
    ]);
  });

  it("reports a comparison outside the fact's range (a count below 0)", () => {
    const p = validPackJson();
    p.rules[0].conditions = { all: [leaf('penaltiesLast12Months', 'lessThan', 0)] };
    const [f] = lintPack(p, F);
    expect(pick([f])).toEqual([
      { severity: 'error', file: F, rule: 'penalties', path: '/rules/0/conditions/all/0', code: 'never-fires' },
    ]);
    expect(f.message).toContain('a number ≥ 0');
  });

  it('finds a rule that can fire through one branch, and warns of the dead branch', () => {
    const p = validPackJson();
    p.rules[0].conditions = {
      any: [leaf('penaltiesLast12Months', 'lessThan', 0), leaf('penaltiesLast12Months', 'greaterThan', 2)],
    };
    expect(pick(lintPack(p, F))).toEqual([
      {
        severity: 'warning',
        file: F,
        rule: 'penalties',
        path: '/rules/0/conditions/any/0',
        code: 'constant-condition',
      },
    ]);
  });

  it('keeps null semantics: a nullable fact may be neither < 1 nor ≥ 1', () => {
    const p = validPackJson();
    p.rules[2].conditions = {
      all: [
        { not: leaf('yearsSinceRegistration', 'lessThan', 1) },
        { not: leaf('yearsSinceRegistration', 'greaterThanInclusive', 1) },
      ],
    };
    expect(lintPack(p, F)).toEqual([]);
  });

  it('reports a rule shadowed by a higher-priority rule with the same conditions and event', () => {
    const p = validPackJson();
    p.rules.push({ ...structuredClone(p.rules[2]), name: 'new-again', priority: 3 });
    expect(pick(lintPack(p, F))).toEqual([
      { severity: 'warning', file: F, rule: 'new', path: '/rules/2', code: 'shadowed' },
    ]);
  });
});

describe('lintMeasures', () => {
  it('finds nothing in the fixture', () => {
    expect(lintMeasures(validCatalogueJson(), validMeasureRulesJson(), labels)).toEqual([]);
  });

  it('reports a penalty without a legal basis as an error (loader)', () => {
    const cat = validCatalogueJson();
    delete cat.measures[0].legalBasis;
    expect(pick(lintMeasures(cat, validMeasureRulesJson(), labels))).toContainEqual({
      severity: 'error',
      file: 'catalogue.json',
      rule: undefined,
      path: '/measures/0',
      code: 'invalid',
    });
  });

  it('reports a scenario no measure covers and a measure no rule applies', () => {
    const cat = validCatalogueJson();
    cat.scenarios.push({ code: 'bonds', name: 'Bonds', nameZh: '债券' });
    const rules = validMeasureRulesJson();
    rules.rules = rules.rules.filter((r: { name: string }) => r.name !== 'red');
    expect(pick(lintMeasures(cat, rules, labels))).toEqual([
      { severity: 'warning', file: 'catalogue.json', rule: undefined, path: '/measures/3', code: 'measure-unused' },
      {
        severity: 'warning',
        file: 'catalogue.json',
        rule: undefined,
        path: '/scenarios/3',
        code: 'scenario-uncovered',
      },
    ]);
  });

  it('reports a rule that tests a scenario its measure does not apply in', () => {
    const rules = validMeasureRulesJson();
    rules.rules[0].conditions.all.push(leaf('scenario', 'equal', 'land'));
    const [f] = lintMeasures(validCatalogueJson(), rules, labels);
    expect(pick([f])).toEqual([
      { severity: 'error', file: 'rules.json', rule: 'listed', path: '/rules/0/conditions/all/2', code: 'never-fires' },
    ]);
    expect(f.message).toContain('one of procurement');
  });

  it('reports contradictory conditions and shadowed measure rules', () => {
    const rules = validMeasureRulesJson();
    rules.rules[4].conditions.all.push(leaf('redListed', 'equal', false));
    rules.rules.push({ ...structuredClone(rules.rules[2]), name: 'tier-d-copy' });
    expect(pick(lintMeasures(validCatalogueJson(), rules, labels))).toEqual([
      { severity: 'error', file: 'rules.json', rule: 'red', path: '/rules/4/conditions/all/2', code: 'never-fires' },
      { severity: 'warning', file: 'rules.json', rule: 'tier-d-copy', path: '/rules/5', code: 'shadowed' },
    ]);
  });
});
