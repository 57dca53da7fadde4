import type { Logger } from '@nestjs/common';
import { deleteInBatches, FIRST_SWEEP_DELAY_MS, PeriodicSweep } from './periodic-sweep';

const HOUR = 3_600_000;

describe('PeriodicSweep: the timer of the retention sweeps', () => {
  const warnings: string[] = [];
  const logger = { warn: (m: string) => warnings.push(m) } as unknown as Logger;

  beforeEach(() => {
    jest.useFakeTimers();
    warnings.length = 0;
  });
  afterEach(() => jest.useRealTimers());

  it('sweeps a minute after start, then one period after each sweep ended; 0 starts nothing', async () => {
    let runs = 0;
    const sweep = new PeriodicSweep('test sweep', logger, () => Promise.resolve(++runs));
    sweep.start(HOUR);
    await jest.advanceTimersByTimeAsync(FIRST_SWEEP_DELAY_MS - 1);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(HOUR);
    expect(runs).toBe(2);
    await sweep.stop();
    await jest.advanceTimersByTimeAsync(3 * HOUR);
    expect(runs).toBe(2);

    const off = new PeriodicSweep('off', logger, () => Promise.resolve(++runs));
    off.start(0);
    await jest.advanceTimersByTimeAsync(3 * HOUR);
    expect(runs).toBe(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a period shorter than a minute comes first; a failed sweep is logged and the next one still comes', async () => {
    let runs = 0;
    const sweep = new PeriodicSweep('test sweep', logger, () => {
      runs += 1;
      return runs === 1 ? Promise.reject(new Error('database away')) : Promise.resolve(runs);
    });
    sweep.start(1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(warnings).toEqual(['test sweep failed: database away']);
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    await sweep.stop();
  });

  it('never runs two sweeps at once in the instance; stop waits for the one in progress', async () => {
    let release!: () => void;
    let runs = 0;
    const sweep = new PeriodicSweep('test sweep', logger, () => {
      runs += 1;
      return new Promise<number>((r) => (release = () => r(runs)));
    });
    const first = sweep.tick();
    const second = sweep.tick();
    expect(second).toBe(first);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = sweep.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await first).toBe(1);
  });

  it('deleteInBatches repeats a bounded delete until it deletes nothing', async () => {
    const left = [1000, 1000, 3, 0, 7];
    const calls: number[] = [];
    const total = await deleteInBatches(() => {
      const n = left.shift()!;
      calls.push(n);
      return Promise.resolve(n);
    });
    expect(total).toBe(2003);
    expect(calls).toEqual([1000, 1000, 3, 0]);
  });
});
