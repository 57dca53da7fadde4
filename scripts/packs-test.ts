import { resolve } from 'node:path';
import { commandLine } from '../src/common/cli-command';
import { formatCoverage, rulePacksCoverage } from '../src/rules/coverage';
import { RulesError } from '../src/rules/shared';
import { RULE_PACKS_DIR } from '../src/rules/testing';

const CLI = {
  name: 'packs-test',
  options: {},
  positionals: [{ name: 'dir', optional: true }],
  notes: ['dir: a folder of rule packs (default: the bundled rule-packs/)'],
} as const;

/**
 * `npm run packs:test [-- dir]`: run every pack's golden cases and the measures' golden cases of `dir`
 * (default: the bundled rule-packs/) and print per pack: cases passed/failed, rule coverage, outcomes
 * (tiers, measures, verdicts) reached and what no case reaches.
 * Exit 0: every case passes and every pack meets its coverage.minRules (default 1); 1: otherwise, or a
 * file does not load; 2: usage error, or the folder cannot be read.
 */
function main(argv: readonly string[]): number {
  const dir = argv[0] === undefined ? RULE_PACKS_DIR : resolve(argv[0]);
  try {
    const all = rulePacksCoverage(dir);
    for (const c of all) console.log(formatCoverage(c).join('\n'));
    const failing = all.filter((c) => !c.ok).length;
    console.log(`${dir}: ${all.length - failing} ok, ${failing} failing`);
    return failing > 0 ? 1 : 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return err instanceof RulesError ? 1 : 2;
  }
}

process.exitCode = main(commandLine(CLI).positionals);
