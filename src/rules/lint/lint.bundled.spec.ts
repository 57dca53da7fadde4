import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLintFinding, lintRulePacks } from './lint';
import { legalBasisDocFindings } from './legal-basis-doc';
import { membershipSummary } from './lint.industry';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';
import type { RulePackFile } from '../tiers/pack.types';
import { INDUSTRIES } from '../shared/industries';

const DOC = join(RULE_PACKS_DIR, '..', 'docs', 'legal-basis.md');

describe('lint of the bundled packs', () => {
  it('finds nothing: no error and no warning, docs/legal-basis.md included', () => {
    expect(lintRulePacks(RULE_PACKS_DIR, DOC).map(formatLintFinding)).toEqual([]);
  });

  describe('membership and cross-industry facts (分行业, issue 15)', () => {
    const pack = (id: string): RulePackFile =>
      JSON.parse(readFileSync(join(RULE_PACKS_DIR, id, 'pack.json'), 'utf8')) as RulePackFile;

    it('every bundled pack declares whom it tiers', () => {
      for (const id of INDUSTRIES)
        expect(pack(id).membership).toEqual(expect.objectContaining({ source: expect.any(String) as string }));
    });

    it('the summary line packs:validate prints says whom each pack tiers and which cross-industry facts it reads', () => {
      expect(membershipSummary(pack('tax'))).toBe(
        'tax: tiers every legal_person/unincorporated_org/individual_business (less those the department excludes); ' +
          'cross-industry facts: majorTaxViolationListed, seriousDishonestyListed, taxCreditLevel',
      );
      expect(membershipSummary(pack('construction'))).toBe(
        'construction: tiers holders of construction licence/penalty/inspection records in force; GB/T 4754 codes E47, E48, E49, E50; ' +
          'those the department assigns (less those the department excludes); cross-industry facts: ' +
          'seriousDishonestyListed, courtDefaulterListed, taxCreditLevel, abnormalOperationListed, redListed',
      );
    });

    it("no tier rule counts another industry's licence impairments, fines or commitments", () => {
      for (const id of INDUSTRIES) {
        const declared = Object.keys(pack(id).crossIndustryFacts ?? {});
        for (const fact of ['licenceRevocationsLast36Months', 'maxFineLast36Months', 'commitmentsBreachedLast36Months'])
          expect(declared).not.toContain(fact);
      }
    });
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
