import { parseArgs } from 'node:util';

/** A command line that cannot be understood: the CLI prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

/** `--help` / `-h` was given: the CLI prints its usage on stdout and exits 0. */
export class HelpRequested extends Error {}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/**
 * Node's own parseArgs, strict (an unknown option, a stray argument beyond `maxPositionals` or a flag without its
 * value is an error), each option given at most once. Answers the option tokens and the positional arguments.
 */
export function readTokens(
  args: readonly string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
  maxPositionals = 0,
): { options: Extract<Token, { kind: 'option' }>[]; positionals: string[] } {
  let tokens: Token[];
  try {
    ({ tokens = [] } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: maxPositionals > 0,
      tokens: true,
    }));
  } catch (err) {
    throw new UsageError(usageMessage(err, args, Object.keys(options)));
  }
  const seen = new Set<string>();
  const out: Extract<Token, { kind: 'option' }>[] = [];
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} given twice`);
    seen.add(t.name);
    out.push(t);
  }
  if (positionals.length > maxPositionals) throw new UsageError(`unexpected argument "${positionals[maxPositionals]}"`);
  return { options: out, positionals };
}

/**
 * `--flag value` / `--flag=value` options of a command, read by Node's own parseArgs (strict: an unknown option,
 * a stray argument or a flag without its value is an error), each given at most once. Answers flag → value.
 */
export function parseFlags(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const { options } = readTokens(args, Object.fromEntries(allowed.map((f) => [f, { type: 'string' as const }])));
  return new Map(options.map((t) => [t.name, t.value ?? '']));
}

function usageMessage(err: unknown, args: readonly string[], allowed: readonly string[]): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-[^']*)'/.exec(message)?.[1] ?? '';
    const listed = allowed.filter((a) => a !== 'help');
    return `unknown option ${flag}${listed.length ? ` (options: ${listed.map((a) => `--${a}`).join(', ')})` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(message)?.[1] ?? args.find((a) => !a.startsWith('-')) ?? '';
    return `unexpected argument "${arg}"`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--([a-z-]+)/.exec(message)?.[1] ?? '';
    if (message.includes('does not take an argument')) return `--${flag} takes no value`;
    return `--${flag} needs a value`;
  }
  return message;
}
