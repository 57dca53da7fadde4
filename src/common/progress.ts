/**
 * Progress of a long CLI step (demo loading, benchmark seeding) on stderr, never on stdout (the service's stdout
 * is JSON logs only, a command's stdout its result). On a terminal: one line redrawn in place with a carriage
 * return (done/total, bar, rate, ETA), at most every `intervalMs`; elsewhere (CI, a log file): a plain line at
 * each tenth and one at the end. No ANSI escape codes either way: a shorter line is padded with spaces.
 *
 * Written here rather than taken from a library: `progress` and `cli-progress` are not dependencies of the
 * production install (demo-load runs from one), and neither writes plain tenths when stderr is not a terminal.
 */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressOptions {
  readonly label: string;
  readonly total: number;
  readonly stream?: ProgressStream;
  /** Milliseconds, increasing (performance.now by default). */
  readonly now?: () => number;
  readonly intervalMs?: number;
}

const BAR = 20;

/** 42 s, 3 min 05 s, 1 h 02 min. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export class Progress {
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private readonly started: number;
  private done = 0;
  private lastDraw = -Infinity;
  private drawnWidth = 0;
  private tenthsShown = 0;
  private finished = false;

  constructor(private readonly opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr;
    this.now = opts.now ?? (() => performance.now());
    this.started = this.now();
  }

  tick(n = 1): void {
    this.update(this.done + n);
  }

  update(done: number): void {
    if (this.finished) return;
    this.done = Math.min(Math.max(0, done), this.opts.total);
    const t = this.now();
    if (this.stream.isTTY) {
      if (t - this.lastDraw < (this.opts.intervalMs ?? 100) && this.done < this.opts.total) return;
      this.lastDraw = t;
      this.draw(this.line(t));
      return;
    }
    const tenths = this.opts.total > 0 ? Math.floor((this.done * 10) / this.opts.total) : 0;
    if (tenths > this.tenthsShown && tenths < 10) {
      this.tenthsShown = tenths;
      this.stream.write(`${this.line(t)}\n`);
    }
  }

  /** The last line, with the time taken; the terminal's line is ended. Further updates are ignored. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const t = this.now();
    const end = `${this.opts.label}: ${this.done}/${this.opts.total} in ${duration((t - this.started) / 1000)}${this.rate(t)}`;
    if (this.stream.isTTY) this.draw(end);
    this.stream.write(this.stream.isTTY ? '\n' : `${end}\n`);
  }

  private rate(t: number): string {
    const seconds = (t - this.started) / 1000;
    if (seconds < 0.1 || this.done === 0) return ''; // a rate over nothing measured says nothing
    const r = this.done / seconds;
    return `, ${r >= 100 ? Math.round(r) : r.toFixed(1)}/s`;
  }

  private line(t: number): string {
    const { label, total } = this.opts;
    const share = total > 0 ? this.done / total : 1;
    const seconds = (t - this.started) / 1000;
    const eta =
      this.done > 0 && this.done < total ? `, ETA ${duration(((total - this.done) * seconds) / this.done)}` : '';
    const pct = `${Math.floor(share * 100)} %`;
    if (!this.stream.isTTY) return `${label}: ${this.done}/${total} (${pct})${this.rate(t)}${eta}`;
    const filled = Math.round(share * BAR);
    return `${label} ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${this.done}/${total} ${pct}${this.rate(t)}${eta}`;
  }

  /** Redraw the terminal's line in place, never wider than the terminal (a wrapped line cannot be redrawn). */
  private draw(text: string): void {
    const fitted = this.stream.columns ? text.slice(0, this.stream.columns - 1) : text;
    this.stream.write(`\r${fitted}${' '.repeat(Math.max(0, this.drawnWidth - fitted.length))}`);
    this.drawnWidth = fitted.length;
  }
}

/**
 * Steps of one command, each with its own bar: `report(phase, done, total)` finishes the bar of the step before
 * when the phase changes. For services that report `(phase, done, total)` and know nothing of terminals.
 */
export class PhasedProgress {
  private current?: { phase: string; bar: Progress };

  constructor(private readonly make: (label: string, total: number) => Progress) {}

  report(phase: string, done: number, total: number): void {
    if (this.current?.phase !== phase) {
      this.current?.bar.finish();
      this.current = { phase, bar: this.make(phase, total) };
    }
    this.current.bar.update(done);
  }

  finish(): void {
    this.current?.bar.finish();
    this.current = undefined;
  }
}
