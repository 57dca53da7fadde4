import 'reflect-metadata';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { commandLine } from '../src/common/cli-command';
import { loadConfig } from '../src/config/app.config';
import { distributionTable, TieringUpgrades } from '../src/modules/tiering/tiering-upgrades';

const CLI = {
  name: 'upgrade',
  options: {},
  notes: [
    'Applies the migrations and runs the re-tier jobs they leave (DATABASE_URL, or the embedded database in DATA_DIR).',
  ],
} as const;

/**
 * `credit-engine upgrade`: apply the migrations and run the re-tier jobs they leave (tiering_upgrades), printing
 * each job's tier distribution before and after. The service does the same at start; this is the operator's way
 * to see it, before starting the new version. Exit 0 also when nothing was pending.
 */
async function main(): Promise<void> {
  commandLine(CLI);
  const { runtime, embedded } = await resolveDatabase(loadConfig());
  const app = await createApp(runtime); // migrations, then the pending upgrades (TieringUpgrades at bootstrap)
  try {
    const ran = app.get(TieringUpgrades).ran;
    if (ran.length === 0) console.log('No tiering upgrade pending (无待执行的分级升级).');
    for (const r of ran) {
      console.log(`Upgrade ${r.name}: ${r.reason}`);
      for (const p of r.packs)
        console.log(
          `  pack ${p.packId}: ${p.published ? `published ${p.version} (bundled)` : `kept ${p.version}: ${p.why}`}`,
        );
      console.log(
        `  ${r.summary.subjects} subjects, ${r.summary.changed} tier(s) changed or removed, ${r.summary.refreshed} refreshed, ${r.summary.durationMs} ms`,
      );
      for (const line of distributionTable(r.before, r.after)) console.log(`  ${line}`);
    }
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
