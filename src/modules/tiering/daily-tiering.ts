import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { ScheduledRunsStore } from './scheduled-runs.store';
import { TieringService, type TieringRunSummary } from './tiering.service';

export const DAILY_TIERING_JOB = 'tiering.daily';

/**
 * The daily tiering run (每日分级). Stored tiers follow record changes, publications and rollbacks at once,
 * but a record also ends by time — its publicity window closes, a listing's end date passes — and nothing
 * changes then: without a run, a subject stays tier D in the stored tiers supervisors read and inspection
 * plans draw from, long after its penalty stopped counting (checks compute tiers live and were never
 * affected). Every TIERING_DAILY_CHECK_MS each instance looks whether today's run (China Standard Time) is
 * due — from TIERING_DAILY_HOUR on — and the one that claims the day in `scheduled_runs` runs the batch
 * (history trigger `daily`). The first look is one interval after start, never at boot.
 */
@Injectable()
export class DailyTiering implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DailyTiering.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runs: ScheduledRunsStore,
    private readonly clock: Clock,
    private readonly tiering: TieringService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.tieringDailyCheckMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.tieringDailyCheckMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One look (the timer's): runs today's batch when it is due and this instance claims it. */
  tick(): Promise<void> {
    this.running ??= this.runIfDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runIfDue(): Promise<void> {
    const now = this.clock.now();
    const chinaHour = new Date(now.getTime() + 8 * 3600_000).getUTCHours();
    if (chinaHour < this.config.tieringDailyHour) return;
    const day = this.clock.today();
    try {
      if (!(await this.runs.claim(DAILY_TIERING_JOB, day))) return;
      const summary: TieringRunSummary = await this.tiering.runBatch('daily');
      await this.runs.finish(DAILY_TIERING_JOB, summary);
      this.logger.log({ ...summary }, `Daily tiering run of ${day}: ${summary.changed} tier(s) changed`);
    } catch (err) {
      // The claim is given back (the day before), so the next look tries again.
      this.logger.error(
        { error: err instanceof Error ? err.message : String(err) },
        `Daily tiering run of ${day} failed; retried at the next look`,
      );
      await this.runs.giveBack(DAILY_TIERING_JOB, day).catch(() => undefined);
    }
  }
}
