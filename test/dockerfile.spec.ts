import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Dockerfile linted (no Docker daemon on these machines to build it; .ci/smoke-production.sh runs the same
 * production install without Docker): the rules an image for a government data centre must keep, read from the file.
 */
const ROOT = join(__dirname, '..');

interface Instruction {
  readonly line: number;
  readonly op: string;
  readonly args: string;
}

/** The instructions, continuation lines joined, comments and blank lines left out. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let l = lines[i].trim();
    if (l === '' || l.startsWith('#')) continue;
    while (l.endsWith('\\') && i + 1 < lines.length) l = l.slice(0, -1).trim() + ' ' + lines[++i].trim();
    const m = /^([A-Za-z]+)\s+(.*)$/.exec(l);
    if (!m) throw new Error(`Dockerfile line ${start + 1}: not an instruction: ${l}`);
    out.push({ line: start + 1, op: m[1].toUpperCase(), args: m[2] });
  }
  return out;
}

describe('Dockerfile (linted: multi-stage, production dependencies only, non-root, compiled output)', () => {
  const all = instructions(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const stages: Instruction[][] = [];
  for (const ins of all) {
    if (ins.op === 'FROM') stages.push([]);
    stages[stages.length - 1]?.push(ins);
  }
  const runtime = stages[stages.length - 1];
  const runtimeOps = (op: string) => runtime.filter((i) => i.op === op);

  it('builds in one stage and runs from another, on the Node major the package supports', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    const major = Number(/(\d+)/.exec(engines)![1]);
    for (const stage of stages) {
      const from = /^node:(\d+)-/.exec(stage[0].args);
      expect({ from: stage[0].args, ok: !!from && Number(from[1]) >= major }).toEqual({
        from: stage[0].args,
        ok: true,
      });
    }
  });

  it('the runtime stage installs production dependencies only, from the lockfile, and compiles nothing', () => {
    const runs = runtimeOps('RUN').map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && /--omit=dev\b/.test(r))).toBe(true);
    expect(runs.filter((r) => /\bnpm (install|i)\b/.test(r) || /\b(tsc|npm run build)\b/.test(r))).toEqual([]);
    // The compiled output comes from the build stage.
    expect(runtimeOps('COPY').some((i) => /--from=\w+\s+\/app\/dist\b/.test(i.args))).toBe(true);
  });

  it('runs as a user that is not root, node itself (signals reach the service), with a health check', () => {
    const users = runtimeOps('USER').map((i) => i.args.trim());
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users[users.length - 1]);
    const cmd = runtimeOps('CMD').at(-1)!.args;
    expect(JSON.parse(cmd)).toEqual(['node', 'dist/src/main.js']);
    expect(existsSync(join(ROOT, 'src/main.ts'))).toBe(true);
    expect(runtimeOps('HEALTHCHECK')[0]?.args).toMatch(/\/health\/ready/);
  });

  it('copies only files that exist, and the rule packs the service loads', () => {
    for (const stage of stages)
      for (const copy of stage.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))) {
        const sources = copy.args.split(/\s+/).slice(0, -1);
        for (const s of sources)
          if (s !== '.')
            expect({ line: copy.line, source: s, exists: existsSync(join(ROOT, s)) }).toMatchObject({ exists: true });
      }
    expect(runtimeOps('COPY').some((i) => /^rule-packs\s/.test(i.args))).toBe(true);
  });

  it('reads a continuation line and refuses what is not an instruction', () => {
    expect(instructions('# c\nRUN a \\\n  b\n\nUSER node\n')).toEqual([
      { line: 2, op: 'RUN', args: 'a b' },
      { line: 5, op: 'USER', args: 'node' },
    ]);
    expect(() => instructions('--from=x y')).toThrow(/line 1/);
  });
});
