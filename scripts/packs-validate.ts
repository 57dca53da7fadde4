import { readFileSync } from 'node:fs';
import { commandLine } from '../src/common/cli-command';
import { join, resolve } from 'node:path';
import { formatLintFinding, lintRulePacks, membershipSummary, type LintFinding } from '../src/rules/lint';
import { RULE_PACKS_DIR } from '../src/rules/testing';
import { packDirs, packFindings, PACK_FILE, type RulePackFile } from '../src/rules/tiers';

const CLI = {
  name: 'packs-validate',
  options: {},
  positionals: [{ name: 'dir', optional: true }],
  notes: ['dir: a folder of rule packs (default: the bundled rule-packs/)'],
} as const;

/**
 * `npm run packs:validate [-- dir]`: lint every pack of `dir` (default: the bundled rule-packs/) and the
 * measures, print each finding (severity, file, rule, path, code, message), then one line per valid pack
 * saying whom it tiers (行业归属) and which cross-industry facts (跨行业事实) it reads.
 * Exit 0: no error (warnings allowed); 1: at least one error; 2: usage or I/O error.
 */
function main(argv: readonly string[]): number {
  const dir = argv[0] === undefined ? RULE_PACKS_DIR : resolve(argv[0]);
  // The bundled packs are held to docs/legal-basis.md (every measure and tier rule has a row, issue 14).
  const findings = lintRulePacks(
    dir,
    argv[0] === undefined ? join(RULE_PACKS_DIR, '..', 'docs', 'legal-basis.md') : undefined,
  );
  for (const f of findings) console.log(formatLintFinding(f));
  for (const line of membershipSummaries(dir, findings)) console.log(line);
  const errors = findings.filter((f) => f.severity === 'error').length;
  console.log(`${dir}: ${errors} error(s), ${findings.length - errors} warning(s)`);
  return errors > 0 ? 1 : 0;
}

/**
 * `membershipSummary` of every pack of `dir` the lint could load: a pack it refused (unreadable, too deeply
 * nested, invalid) is already reported and is not parsed again.
 */
function membershipSummaries(dir: string, findings: readonly LintFinding[]): string[] {
  const refused = new Set(findings.filter((f) => f.code === 'schema' || f.code === 'invalid').map((f) => f.file));
  return packDirs(dir).flatMap((name) => {
    const file = join(dir, name, PACK_FILE);
    if (refused.has(file)) return [];
    const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return packFindings(json, file).length === 0 ? [membershipSummary(json as RulePackFile)] : [];
  });
}

try {
  process.exitCode = main(commandLine(CLI).positionals);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 2;
}
