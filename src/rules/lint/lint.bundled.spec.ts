import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLintFinding, lintRulePacks } from './lint';
import { legalBasisDocFindings } from './legal-basis-doc';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';

const DOC = join(RULE_PACKS_DIR, '..', 'docs', 'legal-basis.md');

describe('lint of the bundled packs', () => {
  it('finds nothing: no error and no warning, docs/legal-basis.md included', () => {
    expect(lintRulePacks(RULE_PACKS_DIR, DOC).map(formatLintFinding)).toEqual([]);
  });

  describe('docs/legal-basis.md (issue 14)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const entries = [
      { kind: 'measure' as const, pack: 'measures', id: 'gp-reject-listed-supplier', file: 'catalogue.json' },
      { kind: 'rule' as const, pack: 'tax', id: 'tax-not-evaluated', file: 'pack.json' },
    ];

    it('every bundled measure and rule has a row with a status and a check date', () => {
      expect(legalBasisDocFindings(doc, DOC, entries)).toEqual([]);
    });

    it('fails on a measure or rule without its row', () => {
      const without = doc
        .split('\n')
        .filter((l) => !l.includes('`tax-not-evaluated`'))
        .join('\n');
      expect(legalBasisDocFindings(without, DOC, entries)).toEqual([
        expect.objectContaining({ severity: 'error', code: 'basis-undocumented', rule: 'tax-not-evaluated' }),
      ]);
    });

    it('fails on a row without a known status, or without its check date', () => {
      const noStatus = doc.replace(/(`gp-reject-listed-supplier` \|[^\n]*\| )secondary( \|)/, '$1$2');
      expect(legalBasisDocFindings(noStatus, DOC, entries)).toEqual([
        expect.objectContaining({
          measure: 'gp-reject-listed-supplier',
          message: expect.stringMatching(/status/) as string,
        }),
      ]);
      const noDate = doc.replace(/(`tax-not-evaluated` \|[^\n]*\| )2026-12-06( \|)/, '$1$2');
      expect(legalBasisDocFindings(noDate, DOC, entries)).toEqual([
        expect.objectContaining({ rule: 'tax-not-evaluated', message: expect.stringMatching(/check date/) as string }),
      ]);
    });

    it('fails when the document is missing', () => {
      expect(legalBasisDocFindings(null, DOC, entries)).toHaveLength(1);
    });
  });
});
