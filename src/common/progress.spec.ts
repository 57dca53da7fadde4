import { duration, PhasedProgress, Progress, type ProgressStream } from './progress';

/** A stream that keeps what was written, and a clock the test moves. */
function fakes(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY, columns, write: (s: string) => writes.push(s) };
  let ms = 1_000;
  return {
    writes,
    stream,
    now: () => ms,
    advance: (by: number) => {
      ms += by;
    },
  };
}

/** What a terminal shows after the writes: each line as its last redraw (after its last \r) left it. */
const screen = (writes: readonly string[]): string[] =>
  writes
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\r').pop()!.trimEnd());

const ESC = '\u001b';

describe('progress on stderr (progress.ts)', () => {
  it('not a terminal: a plain line at each tenth with rate and ETA, one at the end, no escape or carriage return', () => {
    const f = fakes(false);
    const p = new Progress({ label: 'seeding subjects', total: 1000, stream: f.stream, now: f.now });
    for (let i = 1; i <= 1000; i++) {
      f.advance(10); // 100 a second
      p.tick();
    }
    p.finish();
    expect(f.writes).toHaveLength(10);
    expect(f.writes[0]).toBe('seeding subjects: 100/1000 (10 %), 100/s, ETA 9 s\n');
    expect(f.writes[4]).toBe('seeding subjects: 500/1000 (50 %), 100/s, ETA 5 s\n');
    expect(f.writes[8]).toBe('seeding subjects: 900/1000 (90 %), 100/s, ETA 1 s\n');
    expect(f.writes[9]).toBe('seeding subjects: 1000/1000 in 10 s, 100/s\n');
    expect(f.writes.join('')).not.toMatch(new RegExp(`[\r${ESC}]`));
  });

  it('not a terminal: big steps print one line per step, never the same tenth twice', () => {
    const f = fakes(false);
    const p = new Progress({ label: 'records', total: 780, stream: f.stream, now: f.now });
    p.update(0);
    f.advance(2_000);
    p.update(390);
    p.update(400);
    f.advance(2_000);
    p.update(780);
    p.finish();
    expect(f.writes).toEqual(['records: 390/780 (50 %), 195/s, ETA 2 s\n', 'records: 780/780 in 4 s, 195/s\n']);
  });

  it('a terminal: one line redrawn in place (bar, done/total, rate, ETA), throttled, ended once', () => {
    const f = fakes(true);
    const p = new Progress({ label: 'demo: subjects', total: 300, stream: f.stream, now: f.now, intervalMs: 100 });
    p.update(0);
    for (let i = 1; i <= 300; i++) {
      f.advance(5); // 200 a second; a redraw every 20 subjects at most
      p.tick();
    }
    p.finish();
    expect(f.writes.length).toBeLessThanOrEqual(2 + 300 / 20 + 1);
    expect(f.writes.every((w) => w.startsWith('\r') || w === '\n')).toBe(true);
    expect(f.writes.join('')).not.toContain(ESC);
    expect(f.writes[0]).toBe(`\rdemo: subjects ${'░'.repeat(20)} 0/300 0 %`);
    const middle = f.writes.find((w) => w.includes(' 160/300 '));
    expect(middle).toBe(`\rdemo: subjects ${'█'.repeat(11)}${'░'.repeat(9)} 160/300 53 %, 200/s, ETA 1 s`);
    expect(screen(f.writes)).toEqual(['demo: subjects: 300/300 in 2 s, 200/s']);
  });

  it('a terminal: a shorter line is padded over the longer one, and a line never wider than the terminal', () => {
    const f = fakes(true, 30);
    const p = new Progress({ label: 'x', total: 10, stream: f.stream, now: f.now });
    f.advance(1_000);
    p.update(5);
    expect(f.writes[0]).toBe(`\r${`x ${'█'.repeat(10)}${'░'.repeat(10)} 5/10 50 %, 5.0/s, ETA 1 s`.slice(0, 29)}`);
    p.finish();
    const end = 'x: 5/10 in 1 s, 5.0/s';
    expect(f.writes[1]).toBe(`\r${end}${' '.repeat(29 - end.length)}`);
    expect(f.writes[2]).toBe('\n');
    p.update(10);
    p.finish();
    expect(f.writes).toHaveLength(3);
  });

  it('phases: each step its own bar, the one before finished when the next begins', () => {
    const f = fakes(false);
    const steps = new PhasedProgress((label, total) => new Progress({ label, total, stream: f.stream, now: f.now }));
    steps.report('demo: subjects', 0, 2);
    f.advance(1_000);
    steps.report('demo: subjects', 2, 2);
    steps.report('demo: tiering', 0, 4);
    f.advance(1_000);
    steps.report('demo: tiering', 4, 4);
    steps.finish();
    expect(f.writes).toEqual(['demo: subjects: 2/2 in 1 s, 2.0/s\n', 'demo: tiering: 4/4 in 1 s, 4.0/s\n']);
  });

  it('durations read as a person says them', () => {
    expect([0.4, 42, 185, 3_720, 90_000].map(duration)).toEqual([
      '0 s',
      '42 s',
      '3 min 05 s',
      '1 h 02 min',
      '25 h 00 min',
    ]);
  });
});
