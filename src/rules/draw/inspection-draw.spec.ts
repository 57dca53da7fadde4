import fc from 'fast-check';
import { DrawImpossible, drawInspectionPlan, type DrawInput, type DrawSubject } from './inspection-draw';
import { mulberry32, seed32 } from './inspection-draw.prng';

const POLICIES = {
  A: { samplingRatio: 0.02, onSiteWithoutLead: false },
  B: { samplingRatio: 0.05 },
  C: { samplingRatio: 0.5 },
  D: { samplingRatio: 1, keyItemsFull: true },
};
const TIERS = ['A', 'B', 'C', 'D'] as const;

const subjectArb = fc.record({
  tier: fc.constantFrom(...TIERS),
  due: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
  openLead: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/** n subjects with unique ids, some inspectors, some conflicts. */
const inputArb = (opts: { minSubjects: number; conflicts: boolean }) =>
  fc
    .record({
      subjects: fc.array(subjectArb, { minLength: opts.minSubjects, maxLength: opts.minSubjects + 60 }),
      inspectors: fc.integer({ min: 4, max: 12 }),
      conflictSeeds: fc.array(fc.nat(), { maxLength: opts.conflicts ? 20 : 0 }),
      seed: fc.string({ minLength: 1, maxLength: 20 }),
    })
    .map(({ subjects, inspectors, conflictSeeds, seed }): DrawInput => {
      const ss: DrawSubject[] = subjects.map((s, i) => ({ id: `s${String(i).padStart(4, '0')}`, ...s }));
      const ins = Array.from({ length: inspectors }, (_, i) => ({
        id: `i${i}`,
        department: 'dept',
        conflicts: [] as string[],
      }));
      conflictSeeds.forEach((c) => ins[c % inspectors].conflicts.push(ss[c % ss.length].id));
      return { subjects: ss, policies: POLICIES, inspectors: ins, seed };
    });

/** The plan's JSON, or the refusal: both must repeat exactly. */
function outcome(input: DrawInput): string {
  try {
    return JSON.stringify(drawInspectionPlan(input));
  } catch (err) {
    return `refused: ${(err as Error).message}`;
  }
}

describe('inspection draw (双随机)', () => {
  it('derives the seed from SHA-256 and runs mulberry32 as documented', () => {
    expect(seed32('abc')).toBe(0xba7816bf); // SHA-256("abc") starts ba7816bf
    const r = mulberry32(1);
    expect([r(), r()].map((x) => Math.floor(x * 1e6))).toEqual([627073, 2735]);
  });

  it('same inputs and seed give a byte-identical plan, whatever the input order', () => {
    fc.assert(
      fc.property(inputArb({ minSubjects: 1, conflicts: true }), (input) => {
        const shuffled = {
          ...input,
          subjects: [...input.subjects].reverse(),
          inspectors: [...input.inspectors].reverse(),
        };
        expect(outcome(shuffled)).toBe(outcome(input));
      }),
      { numRuns: 100 },
    );
  });

  it('a different seed gives a different plan for non-trivial inputs', () => {
    fc.assert(
      fc.property(inputArb({ minSubjects: 40, conflicts: false }), fc.string({ minLength: 1 }), (input, other) => {
        fc.pre(other !== input.seed);
        const many = {
          ...input,
          policies: { ...POLICIES, A: { samplingRatio: 0.5 }, B: { samplingRatio: 0.5 }, D: { samplingRatio: 0.5 } },
        };
        expect(JSON.stringify(drawInspectionPlan({ ...many, seed: other }))).not.toBe(
          JSON.stringify(drawInspectionPlan(many)),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('never pairs an inspector with a conflicted or excluded subject', () => {
    fc.assert(
      fc.property(inputArb({ minSubjects: 1, conflicts: true }), (input) => {
        const excluded = {
          ...input,
          subjects: input.subjects.map((s, i) => (i % 3 === 0 ? { ...s, excludedInspectors: ['i1'] } : s)),
        };
        const barred = new Set(excluded.inspectors.flatMap((i) => i.conflicts.map((s) => `${i.id}/${s}`)));
        excluded.subjects.forEach((s) => s.excludedInspectors?.forEach((i) => barred.add(`${i}/${s.id}`)));
        let plan;
        try {
          plan = drawInspectionPlan(excluded);
        } catch (err) {
          // Refused only when it is true: the named subject has fewer than two inspectors free of conflicts.
          const { subjectId, eligible } = (err as DrawImpossible).details;
          expect(eligible).toBe(excluded.inspectors.filter((i) => !barred.has(`${i.id}/${subjectId}`)).length);
          expect(eligible).toBeLessThan(2);
          return;
        }
        for (const item of plan.items) {
          expect(item.inspectors[0]).not.toBe(item.inspectors[1]);
          for (const i of item.inspectors) expect(barred.has(`${i}/${item.subjectId}`)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('balances load: without conflicts loads differ by at most 1', () => {
    fc.assert(
      fc.property(inputArb({ minSubjects: 1, conflicts: false }), (input) => {
        const loads = Object.values(drawInspectionPlan(input).load);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it('always draws subjects with a lead or due, and each tier draws round(ratio × count) when it can', () => {
    fc.assert(
      fc.property(inputArb({ minSubjects: 1, conflicts: false }), (input) => {
        const plan = drawInspectionPlan(input);
        const inPlan = new Map(plan.items.map((i) => [i.subjectId, i]));
        for (const s of input.subjects) if (s.openLead) expect(inPlan.get(s.id)?.reason).toBe('lead');
        for (const t of plan.tiers) expect(t.drawn).toBe(Math.max(t.target, t.lead + t.due));
        for (const item of plan.items) if (item.tier === 'A') expect(item.onSite).toBe(item.reason === 'lead');
      }),
      { numRuns: 100 },
    );
  });

  it('draws each tier within tolerance of its ratio on 20,000 subjects', () => {
    const subjects: DrawSubject[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `subject-${String(i).padStart(6, '0')}`,
      tier: TIERS[i % 4],
      due: false,
      openLead: false,
    }));
    const inspectors = Array.from({ length: 50 }, (_, i) => ({ id: `insp-${i}`, department: 'd', conflicts: [] }));
    const plan = drawInspectionPlan({ subjects, policies: POLICIES, inspectors, seed: 'large' });
    for (const t of plan.tiers) {
      expect(Math.abs(t.drawn / t.population - POLICIES[t.tier as keyof typeof POLICIES].samplingRatio)).toBeLessThan(
        0.001,
      );
    }
    const count = (tier: string) => plan.items.filter((i) => i.tier === tier).length;
    expect(count('A')).toBe(100);
    expect(count('D')).toBe(5000);
  });

  it('names what is short: too few inspectors, or a subject every inspector conflicts with', () => {
    const subjects: DrawSubject[] = [{ id: 's1', tier: 'D', due: false, openLead: false }];
    const one = () =>
      drawInspectionPlan({
        subjects,
        policies: POLICIES,
        inspectors: [{ id: 'i1', department: 'd', conflicts: [] }],
        seed: 'x',
      });
    expect(one).toThrow(DrawImpossible);
    expect(one).toThrow(/1 given/);
    try {
      drawInspectionPlan({
        subjects,
        policies: POLICIES,
        seed: 'x',
        inspectors: [
          { id: 'i1', department: 'd', conflicts: ['s1'] },
          { id: 'i2', department: 'd', conflicts: [] },
          { id: 'i3', department: 'd', conflicts: ['s1'] },
        ],
      });
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(DrawImpossible);
      expect((err as DrawImpossible).code).toBe('SUBJECT_UNSTAFFABLE');
      expect((err as DrawImpossible).details).toEqual({ subjectId: 's1', eligible: 1, needed: 2 });
    }
    expect(() =>
      drawInspectionPlan({ subjects: [{ ...subjects[0], tier: 'Z' }], policies: POLICIES, inspectors: [], seed: 'x' }),
    ).toThrow(/tier Z/);
  });
});
