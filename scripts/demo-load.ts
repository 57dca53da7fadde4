import 'reflect-metadata';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { commandLine } from '../src/common/cli-command';
import { PhasedProgress, Progress } from '../src/common/progress';
import { loadConfig } from '../src/config/app.config';
import { DemoService } from '../src/modules/demo/demo.service';

const CLI = {
  name: 'demo-load',
  options: {},
  notes: [
    'Loads the demo data set into DATABASE_URL, or the embedded database in DATA_DIR; loading it again changes nothing.',
  ],
} as const;

/** `npm run demo:load`: load the demo data set into the configured database (embedded by default). */
async function main(): Promise<void> {
  commandLine(CLI);
  const { runtime, embedded } = await resolveDatabase(loadConfig());
  const app = await createApp(runtime);
  try {
    // Progress on stderr, step by step; stdout holds only the summary (JSON).
    const steps = new PhasedProgress((step, total) => new Progress({ label: `demo: ${step}`, total }));
    const s = await app.get(DemoService).load(undefined, (step, done, total) => steps.report(step, done, total));
    steps.finish();
    console.log(JSON.stringify(s, null, 2));
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
