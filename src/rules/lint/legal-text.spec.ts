import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintPack } from './lint';
import { blankLegalText } from './legal-text';
import { INDUSTRIES } from '../shared/industries';

const bundled = (id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../../../rule-packs', id, 'pack.json'), 'utf8')) as Record<string, unknown>;

describe('a legal basis must be real text (issue 14, point 8)', () => {
  it('the bundled packs have none blank', () => {
    for (const id of INDUSTRIES) expect(blankLegalText(bundled(id))).toEqual([]);
  });

  it.each([' ', '\u3000', '\t\n'])('a source title of %j is named by the walker and refused by the loader', (title) => {
    const pack = bundled('tax');
    const sources = pack.legalSources as Record<string, unknown>[];
    sources[0] = { ...sources[0], title };
    expect(blankLegalText(pack)).toEqual([expect.objectContaining({ path: '/legalSources/0/title' })]);
    const findings = lintPack(pack, 'pack.json').filter((f) => f.severity === 'error');
    expect(findings.map((f) => f.path)).toContain('/legalSources/0/title');
  });

  it('a blank article of a rule legal basis is found too', () => {
    const found = blankLegalText({ rules: [{ event: { params: { legalBasis: { source: 'x', article: '  ' } } } }] });
    expect(found.map((f) => f.path)).toEqual(['/rules/0/event/params/legalBasis/article']);
  });
});
