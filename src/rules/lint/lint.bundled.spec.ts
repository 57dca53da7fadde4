import { formatLintFinding, lintRulePacks } from './lint';
import { RULE_PACKS_DIR } from '../testing/bundled-packs';

describe('lint of the bundled packs', () => {
  it('finds nothing: no error and no warning', () => {
    expect(lintRulePacks(RULE_PACKS_DIR).map(formatLintFinding)).toEqual([]);
  });
});
