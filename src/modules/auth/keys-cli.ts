import type { ApiKeyRecord } from './api-keys.store';
import type { NewKeyInput } from './api-keys.admin';
import { SCOPES } from './scopes';
import { parseFlags, UsageError } from '../../common/cli-args';

/** `npm run keys -- …`: arguments to a command, and the text it prints. No I/O here. */
export const KEYS_USAGE = `usage: npm run keys -- <command>
  create --name <caller-system> --scopes <scope,scope> [--scenarios <scenario,scenario|*>] [--rate <requests a minute>] [--department <部门>]
  list
  revoke --name <caller-system>
scopes: ${SCOPES.join(', ')} (admin implies all)
--department binds the key to the department it acts for (谁认定、谁修复: repair decisions, commitment outcomes)`;

export type KeysCommand =
  | { readonly command: 'create'; readonly input: NewKeyInput }
  | { readonly command: 'list' }
  | { readonly command: 'revoke'; readonly name: string };

export { UsageError };

const FLAGS: Record<string, readonly string[]> = {
  create: ['name', 'scopes', 'scenarios', 'rate', 'department'],
  list: [],
  revoke: ['name'],
};

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function required(f: Map<string, string>, flag: string): string {
  const v = f.get(flag)?.trim();
  if (!v) throw new UsageError(`--${flag} is required`);
  return v;
}

export function parseKeysArgs(argv: readonly string[]): KeysCommand {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('no command given');
  const allowed = FLAGS[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"`);
  const f = parseFlags(rest, allowed);
  if (command === 'list') return { command: 'list' };
  if (command === 'revoke') return { command: 'revoke', name: required(f, 'name') };
  const rate = f.get('rate');
  if (rate !== undefined && !/^\d+$/.test(rate))
    throw new UsageError(`--rate must be a whole number of requests a minute, got "${rate}"`);
  const scopes = list(required(f, 'scopes'));
  return {
    command: 'create',
    input: {
      name: required(f, 'name'),
      scopes,
      scenarios: list(f.get('scenarios')),
      rateLimitPerMinute: rate === undefined ? null : Number(rate),
      department: f.get('department')?.trim() || null,
    },
  };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');

/** One line per key, never a key: name, prefix, scopes, scenarios, limit, dates, status. */
export function formatKeyList(rows: readonly ApiKeyRecord[]): string {
  const head = [
    'NAME',
    'PREFIX',
    'SCOPES',
    'SCENARIOS',
    'RATE/MIN',
    'DEPARTMENT',
    'CREATED (UTC)',
    'LAST USED',
    'STATUS',
  ];
  const lines = rows.map((r) => [
    r.name,
    r.prefix,
    r.scopes.join(','),
    r.scenarios.join(',') || '-',
    r.rateLimitPerMinute === null ? 'default' : String(r.rateLimitPerMinute),
    r.department ?? '-',
    day(r.createdAt),
    day(r.lastUsedAt),
    r.revokedAt ? `revoked ${day(r.revokedAt)}` : 'live',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines]
    .map((l) =>
      l
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
