import { parseArgs } from 'node:util';

/** A command line that cannot be understood: the CLI prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

/**
 * `--flag value` / `--flag=value` options of a command, read by Node's own parseArgs (strict: an unknown option,
 * a stray argument or a flag without its value is an error), each given at most once. Answers flag → value.
 */
export function parseFlags(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  let tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>;
  try {
    ({ tokens = [] } = parseArgs({
      args: [...args],
      options: Object.fromEntries(allowed.map((f) => [f, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
      tokens: true,
    }));
  } catch (err) {
    throw new UsageError(usageMessage(err, args, allowed));
  }
  const out = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (out.has(t.name)) throw new UsageError(`--${t.name} given twice`);
    out.set(t.name, t.value ?? '');
  }
  return out;
}

function usageMessage(err: unknown, args: readonly string[], allowed: readonly string[]): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-[^']*)'/.exec(message)?.[1] ?? '';
    return `unknown option ${flag}${allowed.length ? ` (options: ${allowed.map((a) => `--${a}`).join(', ')})` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(message)?.[1] ?? args.find((a) => !a.startsWith('-')) ?? '';
    return `unexpected argument "${arg}"`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--([a-z-]+)/.exec(message)?.[1] ?? '';
    return `--${flag} needs a value`;
  }
  return message;
}
