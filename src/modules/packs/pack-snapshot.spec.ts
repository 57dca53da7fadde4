import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentFindings, contentHash, contentVersion, MEASURES_PACK } from './pack-content';
import { buildSnapshot, type ActiveRow } from './pack-snapshot';
import type { MutablePack } from '../../rules/testing';

const dir = join(__dirname, '../../../rule-packs');
const json = (...p: string[]): MutablePack => JSON.parse(readFileSync(join(dir, ...p), 'utf8'));

function rows(): ActiveRow[] {
  const tax = json('tax', 'pack.json');
  const measures = { catalogue: json('measures', 'catalogue.json'), rules: json('measures', 'rules.json') };
  return [
    { packId: 'tax', versionId: 'v-tax', seq: 1, version: tax.version, content: tax, contentHash: contentHash(tax) },
    {
      packId: MEASURES_PACK,
      versionId: 'v-m',
      seq: 1,
      version: measures.rules.version,
      content: measures,
      contentHash: contentHash(measures),
    },
  ];
}

describe('pack content and snapshots', () => {
  it('hashes canonical JSON: key order does not matter', () => {
    expect(contentHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(contentHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(contentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the version of a pack and of the measures', () => {
    const [tax, m] = rows();
    expect(contentVersion('tax', tax.content)).toBe(tax.version);
    expect(contentVersion(MEASURES_PACK, m.content)).toBe(m.version);
    expect(contentVersion('tax', { version: 3 })).toBeNull();
  });

  it('names file, rule and path in findings; the pack id must be the edited one', () => {
    const tax = json('tax', 'pack.json');
    tax.rules[2].conditions.all[0].operator = 'greaterThen';
    const [f] = contentFindings('tax', tax, 'draft r4');
    expect(f).toMatchObject({
      file: 'tax/pack.json (draft r4)',
      rule: tax.rules[2].name,
      path: expect.stringMatching(/^\/rules\/2\//),
    });
    expect(contentFindings('construction', json('tax', 'pack.json'), 'draft r1')).toEqual([
      expect.objectContaining({ path: '/id' }),
    ]);
    expect(contentFindings(MEASURES_PACK, { catalogue: {}, rules: {} }, 'draft r1')[0].file).toContain(
      'measures/catalogue.json',
    );
  });

  it("the linter's errors are findings too: a measure rule that can never fire in its measure's scenarios", () => {
    const measures = { catalogue: json('measures', 'catalogue.json'), rules: json('measures', 'rules.json') };
    expect(contentFindings(MEASURES_PACK, measures, 'draft r1')).toEqual([]);
    const rule = measures.rules.rules.find((r: { name: string }) => r.name === 'gp-major-violation');
    rule.conditions.all.push({ fact: 'scenario', operator: 'equal', value: 'tendering' }); // the measure applies in government_procurement only
    expect(contentFindings(MEASURES_PACK, measures, 'draft r2')).toEqual([
      {
        file: 'measures/rules.json (draft r2)',
        rule: 'gp-major-violation',
        path: expect.stringMatching(/^\/rules\/\d+\/conditions\/all\/2$/),
        message: expect.stringContaining('can never fire'),
      },
    ]);
  });

  it('builds one frozen snapshot with versions and a signature; one bad pack refuses the whole set', () => {
    const s = buildSnapshot(rows());
    expect(Object.isFrozen(s)).toBe(true);
    expect(s.packs.map((p) => p.pack.id)).toEqual(['tax']);
    expect(s.versions).toEqual({ tax: s.packs[0].pack.version, measures: s.measures.version });
    expect(s.signature).toBe('measures:v-m,tax:v-tax');
    const bad = rows();
    (bad[0].content as MutablePack).tiers = 'none';
    expect(() => buildSnapshot(bad)).toThrow();
    expect(() => buildSnapshot(rows().slice(0, 1))).toThrow(/measures/);
  });
});
