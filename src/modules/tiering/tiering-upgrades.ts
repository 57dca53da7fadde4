import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { bundledVersions } from '../packs/bundled-import';
import { BUNDLED_UPGRADER, PackAuthoringService, type BundledPublication } from '../packs/pack-authoring.service';
import { TieringUpgradesStore } from './tiering-upgrades.store';
import { TieringService, type TieringRunSummary } from './tiering.service';
import { TierStore } from './tier.store';

export type Distribution = Array<{ industry: string; tier: string; subjects: number }>;

export interface UpgradeReport {
  readonly name: string;
  readonly reason: string;
  readonly before: Distribution;
  readonly after: Distribution;
  readonly summary: TieringRunSummary;
  /** The bundled packs published (or left, and why) before the re-tier. */
  readonly packs: readonly BundledPublication[];
}

/**
 * Re-tier jobs an upgrade leaves behind (`tiering_upgrades`, filled by a migration): the industry-membership
 * upgrade (分行业) asks for every subject to be re-tiered on the new membership and facts, which removes the
 * tiers that no longer apply (each with a history row, trigger `upgrade:<name>`). Before it, the bundled packs'
 * new content is published where no rule author took over (PackAuthoringService.publishBundled: the packs that
 * declare membership). The first instance to start
 * claims each pending job and runs it before it serves (`credit-engine upgrade` does the same and prints the
 * tier distribution before and after); a failed run is given back and tried at the next start.
 */
@Injectable()
export class TieringUpgrades implements OnApplicationBootstrap {
  private readonly logger = new Logger(TieringUpgrades.name);
  /** What this instance ran at start (the CLI prints it). */
  ran: UpgradeReport[] = [];

  constructor(
    private readonly store: TieringUpgradesStore,
    private readonly tiering: TieringService,
    private readonly tiers: TierStore,
    private readonly authoring: PackAuthoringService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.ran = await this.runPending();
  }

  async runPending(): Promise<UpgradeReport[]> {
    const out: UpgradeReport[] = [];
    for (const job of await this.store.pending()) {
      if (!(await this.store.claim(job.name))) continue;
      try {
        const before = await this.tiers.distribution();
        const packs = await this.authoring.publishBundled(
          bundledVersions(this.config.rulePacksDir, BUNDLED_UPGRADER),
          `upgrade ${job.name}: ${job.reason}`.slice(0, 500),
        );
        const summary = await this.tiering.runBatch(`upgrade:${job.name}`.slice(0, 64));
        const after = await this.tiers.distribution();
        await this.store.finish(job.name, before, after, summary);
        this.logger.log(
          { upgrade: job.name, before, after, packs, ...summary },
          `Tiering upgrade ${job.name}: ${summary.subjects} subjects re-tiered, ${summary.changed} tier(s) changed or removed`,
        );
        out.push({ ...job, before, after, summary, packs });
      } catch (err) {
        this.logger.error(
          { upgrade: job.name, error: err instanceof Error ? err.message : String(err) },
          `Tiering upgrade ${job.name} failed; tried again at the next start`,
        );
        await this.store.giveBack(job.name).catch(() => undefined);
      }
    }
    return out;
  }
}

/** The distributions side by side, one line per industry and tier (the CLI's table). */
export function distributionTable(before: Distribution, after: Distribution): string[] {
  const key = (d: { industry: string; tier: string }) => `${d.industry}\t${d.tier}`;
  const b = new Map(before.map((d) => [key(d), d.subjects]));
  const a = new Map(after.map((d) => [key(d), d.subjects]));
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort();
  const lines = [`${'industry 行业'.padEnd(16)}${'tier'.padEnd(6)}${'before'.padStart(8)}${'after'.padStart(8)}`];
  for (const k of keys) {
    const [industry, tier] = k.split('\t');
    lines.push(
      `${industry.padEnd(16)}${tier.padEnd(6)}${String(b.get(k) ?? 0).padStart(8)}${String(a.get(k) ?? 0).padStart(8)}`,
    );
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  lines.push(`${'total'.padEnd(22)}${String(total(b)).padStart(8)}${String(total(a)).padStart(8)}`);
  return lines;
}
