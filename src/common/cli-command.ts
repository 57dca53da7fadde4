import { HelpRequested, readTokens, UsageError } from './cli-args';

/**
 * A command's line declared once (its options with type, bounds and default, its positional arguments), read
 * with Node's parseArgs (cli-args.ts) and turned into typed values; its usage text is written from the same
 * declaration. A bad line is a UsageError naming the option: `commandLine` prints it with the usage and exits 2.
 */
interface Described {
  /** One line for the usage text. */
  readonly help: string;
  /** The value's placeholder in the usage text (default N, or TEXT for strings). */
  readonly value?: string;
}
export interface IntegerOption extends Described {
  readonly type: 'integer';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
  /** An environment variable read when the option is not given. */
  readonly env?: string;
}
export interface NumberOption extends Described {
  readonly type: 'number';
  readonly default?: number;
  /** Exclusive lower bound (`> above`). */
  readonly above?: number;
  readonly max?: number;
}
export interface IntegerListOption extends Described {
  readonly type: 'integers';
  readonly default?: readonly number[];
  readonly min?: number;
  readonly max?: number;
}
export interface StringOption extends Described {
  readonly type: 'string';
  readonly default?: string;
}
export interface BooleanOption extends Described {
  readonly type: 'boolean';
}
export type OptionSpec = IntegerOption | NumberOption | IntegerListOption | StringOption | BooleanOption;

export interface Positional {
  readonly name: string;
  readonly optional?: boolean;
  readonly choices?: readonly string[];
}

export interface CommandSpec<S extends Record<string, OptionSpec>> {
  /** As the user types it: `audit-verify`, `bench:check`. */
  readonly name: string;
  readonly options: S;
  /** In order; the optional ones last. */
  readonly positionals?: readonly Positional[];
  /** Lines after the options in the usage text. */
  readonly notes?: readonly string[];
}

type ValueOf<O extends OptionSpec> = O extends BooleanOption
  ? boolean
  : O extends IntegerListOption
    ? O extends { default: readonly number[] }
      ? number[]
      : number[] | undefined
    : O extends StringOption
      ? O extends { default: string }
        ? string
        : string | undefined
      : O extends { default: number }
        ? number
        : number | undefined;

export type OptionValues<S extends Record<string, OptionSpec>> = { -readonly [K in keyof S]: ValueOf<S[K]> };

export interface ParsedLine<S extends Record<string, OptionSpec>> {
  readonly options: OptionValues<S>;
  readonly positionals: readonly string[];
}

const bounds = (min?: number, max?: number, above?: number): string =>
  above !== undefined
    ? ` > ${above}${max !== undefined ? ` and <= ${max}` : ''}`
    : min !== undefined && max !== undefined
      ? ` between ${min} and ${max}`
      : min !== undefined
        ? ` >= ${min}`
        : max !== undefined
          ? ` <= ${max}`
          : '';

const WHOLE = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function integer(label: string, raw: string, min?: number, max?: number): number {
  const n = Number(raw);
  if (!WHOLE.test(raw.trim()) || !Number.isSafeInteger(n) || (min ?? n) > n || (max ?? n) < n)
    throw new UsageError(`${label} must be a whole number${bounds(min, max)}, got "${raw}"`);
  return n;
}

function value(name: string, spec: OptionSpec, raw: string, label = `--${name}`): unknown {
  switch (spec.type) {
    case 'boolean':
      return true;
    case 'string':
      return raw;
    case 'integer':
      return integer(label, raw, spec.min, spec.max);
    case 'number': {
      const n = Number(raw);
      if (!DECIMAL.test(raw.trim()) || !Number.isFinite(n) || n <= (spec.above ?? -Infinity) || n > (spec.max ?? n))
        throw new UsageError(`${label} must be a number${bounds(undefined, spec.max, spec.above)}, got "${raw}"`);
      return n;
    }
    case 'integers': {
      const items = raw.split(',');
      if (items.some((s) => !WHOLE.test(s.trim()) || (spec.min ?? -Infinity) > +s || (spec.max ?? Infinity) < +s))
        throw new UsageError(
          `${label} must be whole numbers${bounds(spec.min, spec.max)} separated by commas, got "${raw}"`,
        );
      return items.map(Number);
    }
  }
}

/** Read `argv` (without node and the script) against the declaration; `env` for options that fall back to one. */
export function parseCommandLine<const S extends Record<string, OptionSpec>>(
  spec: CommandSpec<S>,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedLine<S> {
  const declared = Object.entries(spec.options);
  const parseOptions: Record<string, { type: 'string' | 'boolean'; short?: string }> = Object.fromEntries(
    declared.map(([name, o]) => [name, { type: o.type === 'boolean' ? ('boolean' as const) : ('string' as const) }]),
  );
  parseOptions.help ??= { type: 'boolean', short: 'h' };
  const positionals = spec.positionals ?? [];
  const tokens = readTokens(argv, parseOptions, positionals.length);
  if (!('help' in spec.options) && tokens.options.some((t) => t.name === 'help')) throw new HelpRequested();
  const given = new Map(tokens.options.map((t) => [t.name, t.value ?? '']));
  const options: Record<string, unknown> = {};
  for (const [name, o] of declared) {
    const raw = given.get(name);
    if (raw !== undefined) options[name] = value(name, o, raw);
    else if (o.type === 'integer' && o.env !== undefined && env[o.env] !== undefined)
      options[name] = value(name, o, env[o.env]!, o.env);
    else options[name] = o.type === 'boolean' ? false : o.default;
  }
  positionals.forEach((p, i) => {
    const v = tokens.positionals[i];
    if (v === undefined && !p.optional) throw new UsageError(`missing <${p.name}>`);
    if (v !== undefined && p.choices && !p.choices.includes(v))
      throw new UsageError(`<${p.name}> must be one of ${p.choices.join(', ')}, got "${v}"`);
  });
  return { options: options as OptionValues<S>, positionals: tokens.positionals };
}

/** The usage text written from the declaration. */
export function usageOf(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const args = (spec.positionals ?? []).map((p) => {
    const shown = p.choices ? p.choices.join('|') : p.name;
    return p.optional ? `[${shown}]` : shown;
  });
  const entries = Object.entries(spec.options);
  const lines = entries.map(([name, o]) => {
    const flag = o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? (o.type === 'string' ? 'TEXT' : 'N')}`;
    const dflt = 'default' in o && o.default !== undefined ? ` (default ${String(o.default)})` : '';
    const env = o.type === 'integer' && o.env ? ` (or ${o.env})` : '';
    return `  ${flag.padEnd(26)} ${o.help}${dflt}${env}`;
  });
  const head = [`usage: ${spec.name}`, ...args, ...(entries.length ? ['[options]'] : [])].join(' ');
  return [head, ...lines, ...(spec.notes ?? [])].join('\n');
}

export interface CliIo {
  readonly argv: readonly string[];
  /** For options declared with `env`: the caller passes its environment (settings are read in src/config only). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly exit: (code: number) => never;
}

const processIo = (): CliIo => ({
  argv: process.argv.slice(2),
  env: {},
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  exit: (code) => process.exit(code),
});

/**
 * The command line of this process, or the end of it: `--help` prints the usage on stdout (exit 0); a line that
 * cannot be understood prints `<name>: <what is wrong>` and the usage on stderr and exits 2 (as `keys` does).
 */
export function commandLine<const S extends Record<string, OptionSpec>>(
  spec: CommandSpec<S>,
  given: Partial<CliIo> = {},
): ParsedLine<S> {
  const io = { ...processIo(), ...given };
  try {
    return parseCommandLine(spec, io.argv, io.env);
  } catch (err) {
    if (err instanceof HelpRequested) {
      io.out(usageOf(spec));
      return io.exit(0);
    }
    if (err instanceof UsageError) {
      io.err(`${spec.name}: ${err.message}\n${usageOf(spec)}`);
      return io.exit(2);
    }
    throw err;
  }
}
