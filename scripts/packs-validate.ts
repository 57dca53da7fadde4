import { join, resolve } from 'node:path';
import { formatLintFinding, lintRulePacks } from '../src/rules/lint';
import { RULE_PACKS_DIR } from '../src/rules/testing';

/**
 * `npm run packs:validate [-- dir]`: lint every pack of `dir` (default: the bundled rule-packs/) and the
 * measures, print each finding (severity, file, rule, path, code, message).
 * Exit 0: no error (warnings allowed); 1: at least one error; 2: usage or I/O error.
 */
function main(argv: readonly string[]): number {
  if (argv.length > 1 || argv[0] === '--help' || argv[0] === '-h') {
    console.error('usage: packs-validate [dir]   (default: the bundled rule-packs/)');
    return 2;
  }
  const dir = argv[0] === undefined ? RULE_PACKS_DIR : resolve(argv[0]);
  // The bundled packs are held to docs/legal-basis.md (every measure and tier rule has a row, issue 14).
  const findings = lintRulePacks(
    dir,
    argv[0] === undefined ? join(RULE_PACKS_DIR, '..', 'docs', 'legal-basis.md') : undefined,
  );
  for (const f of findings) console.log(formatLintFinding(f));
  const errors = findings.filter((f) => f.severity === 'error').length;
  console.log(`${dir}: ${errors} error(s), ${findings.length - errors} warning(s)`);
  return errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 2;
}
