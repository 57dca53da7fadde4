import { UsageError } from './cli-args';
import { commandLine, parseCommandLine, usageOf, type CliIo } from './cli-command';

const BENCH = {
  name: 'bench:example',
  options: {
    rounds: { type: 'integer', default: 3, min: 1, help: 'alternating rounds', env: 'BENCH_ROUNDS' },
    existing: { type: 'integer', default: 20_000, min: 0, help: 'subjects registered before' },
    slope: { type: 'number', default: 2, above: 0, help: 'MB a minute', value: 'MB' },
    batches: { type: 'integers', default: [1, 10], min: 1, max: 2000, help: 'batch sizes' },
    size: { type: 'integer', min: 1, help: 'one size only' },
    label: { type: 'string', help: 'a label' },
    quick: { type: 'boolean', help: 'the first run only' },
  },
} as const;

const parse = (argv: string[], env: Record<string, string> = {}) => parseCommandLine(BENCH, argv, env);

describe('a command line declared once (cli-command.ts)', () => {
  it('gives defaults, typed values, both --flag value and --flag=value, and booleans', () => {
    expect(parse([]).options).toEqual({
      rounds: 3,
      existing: 20_000,
      slope: 2,
      batches: [1, 10],
      size: undefined,
      label: undefined,
      quick: false,
    });
    const { options } = parse(['--rounds', '5', '--existing=0', '--slope', '0.5', '--batches', '1,50,500', '--quick']);
    expect(options).toMatchObject({ rounds: 5, existing: 0, slope: 0.5, batches: [1, 50, 500], quick: true });
    expect(parse(['--size=250000', '--label', '綦江']).options).toMatchObject({ size: 250_000, label: '綦江' });
  });

  it('falls back to the declared environment variable, the command line winning', () => {
    expect(parse([], { BENCH_ROUNDS: '7' }).options.rounds).toBe(7);
    expect(parse(['--rounds', '2'], { BENCH_ROUNDS: '7' }).options.rounds).toBe(2);
    expect(() => parse([], { BENCH_ROUNDS: 'many' })).toThrow('BENCH_ROUNDS must be a whole number >= 1, got "many"');
  });

  it.each([
    [['--rounds', 'abc'], '--rounds must be a whole number >= 1, got "abc"'],
    [['--rounds', '0'], '--rounds must be a whole number >= 1, got "0"'],
    [['--rounds', '2.5'], '--rounds must be a whole number >= 1, got "2.5"'],
    [['--rounds', '99999999999999999999'], '--rounds must be a whole number >= 1'],
    [['--existing=-1'], '--existing must be a whole number >= 0, got "-1"'],
    [['--slope', '0'], '--slope must be a number > 0, got "0"'],
    [['--slope', '1e3'], '--slope must be a number > 0, got "1e3"'],
    [['--slope', ''], '--slope must be a number > 0, got ""'],
    [['--batches', '1,x'], '--batches must be whole numbers between 1 and 2000 separated by commas, got "1,x"'],
    [['--batches', '1,5000'], '--batches must be whole numbers between 1 and 2000'],
    [['--rounds'], '--rounds needs a value'],
    [['--rounds', '--quick'], '--rounds needs a value'],
    [['--quick=yes'], '--quick takes no value'],
    [
      ['--round', '3'],
      'unknown option --round (options: --rounds, --existing, --slope, --batches, --size, --label, --quick)',
    ],
    [['-x'], 'unknown option -x'],
    [['--rounds', '3', 'stray'], 'unexpected argument "stray"'],
    [['--rounds', '3', '--rounds', '4'], '--rounds given twice'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });

  it('takes positional arguments as declared: required, optional, from a list of choices', () => {
    const migrate = { name: 'migrate', options: {}, positionals: [{ name: 'action', choices: ['run', 'revert'] }] };
    expect(parseCommandLine(migrate, ['run']).positionals).toEqual(['run']);
    expect(() => parseCommandLine(migrate, [])).toThrow('missing <action>');
    expect(() => parseCommandLine(migrate, ['undo'])).toThrow('<action> must be one of run, revert, got "undo"');
    expect(() => parseCommandLine(migrate, ['run', 'now'])).toThrow('unexpected argument "now"');
    const packs = { name: 'packs-test', options: {}, positionals: [{ name: 'dir', optional: true }] };
    expect(parseCommandLine(packs, []).positionals).toEqual([]);
    expect(parseCommandLine(packs, ['rule-packs']).positionals).toEqual(['rule-packs']);
    expect(() => parseCommandLine(packs, ['a', 'b'])).toThrow('unexpected argument "b"');
    expect(() => parseCommandLine(packs, ['--verbose'])).toThrow('unknown option --verbose');
  });

  it('writes its usage from the declaration', () => {
    const text = usageOf(BENCH);
    expect(text.split('\n')[0]).toBe('usage: bench:example [options]');
    expect(text).toMatch(/--rounds N\s+alternating rounds \(default 3\) \(or BENCH_ROUNDS\)/);
    expect(text).toMatch(/--slope MB\s+MB a minute \(default 2\)/);
    expect(text).toMatch(/--label TEXT\s+a label$/m);
    expect(text).toMatch(/--quick\s+the first run only/);
    expect(
      usageOf({ name: 'migrate', options: {}, positionals: [{ name: 'action', choices: ['run', 'revert'] }] }),
    ).toBe('usage: migrate run|revert');
    expect(usageOf({ name: 'packs-test', options: {}, positionals: [{ name: 'dir', optional: true }] })).toBe(
      'usage: packs-test [dir]',
    );
  });

  describe('commandLine: what the process does with its line', () => {
    class Exit extends Error {
      constructor(readonly code: number) {
        super(`exit ${code}`);
      }
    }
    const run = (argv: string[]) => {
      const io = { out: [] as string[], err: [] as string[] };
      const cli: CliIo = {
        argv,
        env: {},
        out: (t) => io.out.push(t),
        err: (t) => io.err.push(t),
        exit: (code) => {
          throw new Exit(code);
        },
      };
      try {
        return { ...io, line: commandLine(BENCH, cli), code: undefined };
      } catch (e) {
        if (e instanceof Exit) return { ...io, line: undefined, code: e.code };
        throw e;
      }
    };

    it('a good line: the values, nothing printed, no exit', () => {
      const r = run(['--rounds', '4']);
      expect(r).toMatchObject({ code: undefined, out: [], err: [] });
      expect(r.line?.options.rounds).toBe(4);
    });

    it('a bad one: "<name>: <what is wrong>" and the usage on stderr, exit 2, nothing on stdout', () => {
      const r = run(['--rounds', 'x']);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toMatch(/^bench:example: --rounds must be a whole number >= 1, got "x"\nusage: /);
    });

    it('--help and -h: the usage on stdout, exit 0', () => {
      for (const flag of ['--help', '-h']) {
        const r = run([flag]);
        expect(r.code).toBe(0);
        expect(r.err).toEqual([]);
        expect(r.out.join('\n')).toBe(usageOf(BENCH));
      }
    });
  });
});
