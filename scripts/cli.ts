#!/usr/bin/env node
/**
 * `credit-engine <command> …`: the operator's commands, from the compiled build (no TypeScript compiled per call;
 * the package's `bin`). From a clone: `npm run build` once, then `npx credit-engine …` or
 * `node dist/scripts/cli.js …`. Each command is the script of the same name, given the remaining arguments.
 */
import { join } from 'node:path';

const COMMANDS: Record<string, { script: string; what: string }> = {
  keys: { script: 'keys.js', what: 'create | list | revoke API keys (API密钥)' },
  migrate: { script: 'migrate.js', what: 'run | revert the database migrations' },
  upgrade: {
    script: 'upgrade.js',
    what: 'migrations, then the re-tier jobs they leave, with the tier distribution before and after (升级)',
  },
  'audit-verify': { script: 'audit-verify.js', what: 'walk the audit chain (审计链校验); exit 1 when broken' },
  'demo-load': { script: 'demo-load.js', what: 'load the demo data set (演示数据)' },
  'packs-validate': { script: 'packs-validate.js', what: 'lint the rule packs (规则包校验)' },
  'packs-test': { script: 'packs-test.js', what: 'run the rule packs’ golden cases with coverage' },
  openapi: { script: 'openapi.js', what: 'write openapi.json' },
};

const usage = () =>
  [
    'usage: credit-engine <command> [arguments]',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(15)} ${c.what}`),
    'Settings come from the environment (DATABASE_URL, DATA_DIR …: docs/configuration.md).',
  ].join('\n');

const [command, ...rest] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h' || command === 'help') {
  console.log(usage());
  process.exitCode = command ? 0 : 2;
} else if (!(command in COMMANDS)) {
  console.error(`credit-engine: unknown command "${command.slice(0, 40)}"\n${usage()}`);
  process.exitCode = 2;
} else {
  // The script reads its arguments from process.argv as when run on its own.
  process.argv = [process.argv[0], join(__dirname, COMMANDS[command].script), ...rest];
  void import(join(__dirname, COMMANDS[command].script));
}
