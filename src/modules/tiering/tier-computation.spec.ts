import { factsFor, summariseRecords } from '../../rules/facts';
import { FACT_CATALOGUE, type Facts } from '../../rules/shared';
import type { Evaluation } from '../../rules';
import type { MembershipBasis } from '../../rules/membership';
import { fingerprint } from './tier-computation';

/**
 * The fingerprint decides whether a batch run rewrites a stored tier: every input a stored tier holds must move it,
 * and equal inputs must give the same one (else every run rewrites every tier).
 */
const evaluation = (over: Partial<Evaluation> = {}): Evaluation =>
  ({
    packId: 'tax',
    version: '1.0.0',
    industry: 'tax',
    score: 90,
    scoreTier: 'A',
    tier: 'A',
    tierLabel: 'A',
    tierLabelZh: 'A级',
    fired: [{ rule: 'r1' }, { rule: 'r2' }],
    inspectionPolicy: {},
    ...over,
  }) as unknown as Evaluation;

const facts: Facts = factsFor(
  summariseRecords({ kind: 'legal_person', registeredOn: '2015-03-01' }, [], '2026-06-01'),
  'tax',
);
const bases: MembershipBasis[] = [{ source: 'every-subject', since: null } as unknown as MembershipBasis];
const fp = (e = evaluation(), f: Facts = facts, b: readonly MembershipBasis[] = bases, pack = 'h1') =>
  fingerprint(e, f, b, pack);

/** Another value of the same type as v. */
function other(v: Facts[string]): Facts[string] {
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'string') return v + 'x';
  return 'A';
}

describe('tier fingerprint', () => {
  it('is the same for equal inputs, built separately', () => {
    const again = factsFor(
      summariseRecords({ kind: 'legal_person', registeredOn: '2015-03-01' }, [], '2026-06-01'),
      'tax',
    );
    expect(again).not.toBe(facts);
    expect(fp(evaluation(), again)).toBe(fp());
    expect(fp()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('moves with every fact of the catalogue, one at a time', () => {
    const base = fp();
    const seen = new Set([base]);
    for (const { name } of FACT_CATALOGUE) {
      expect(name in facts).toBe(true);
      const changed = fp(evaluation(), { ...facts, [name]: other(facts[name]) });
      expect(changed).not.toBe(base);
      seen.add(changed);
    }
    expect(seen.size).toBe(FACT_CATALOGUE.length + 1);
  });

  it('tells a null from the text "null" and a number from its text', () => {
    const name = FACT_CATALOGUE.find((f) => typeof facts[f.name] === 'number')!.name;
    const asText = fp(evaluation(), { ...facts, [name]: String(facts[name]) });
    expect(asText).not.toBe(fp());
    const nullable = { ...facts, taxCreditLevel: null };
    expect(fp(evaluation(), nullable)).not.toBe(fp(evaluation(), { ...facts, taxCreditLevel: 'null' }));
  });

  it('moves with the tier, the score, the rules that fired, the pack and the membership bases', () => {
    const base = fp();
    const variants = [
      fp(evaluation({ tier: 'B' })),
      fp(evaluation({ score: 91 })),
      fp(evaluation({ fired: [{ rule: 'r1' }] } as unknown as Partial<Evaluation>)),
      fp(evaluation({ fired: [{ rule: 'r2' }, { rule: 'r1' }] } as unknown as Partial<Evaluation>)),
      fp(evaluation(), facts, bases, 'h2'),
      fp(evaluation(), facts, [{ ...bases[0], since: '2020-01-01' }]),
      fp(evaluation(), facts, []),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });
});
