import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { loadConfig } from '../src/config/app.config';
import { startEmbeddedDatabase } from '../src/database/embedded';
import { AuditVerifier } from '../src/modules/audit/audit-verifier';
import { commandLine } from '../src/common/cli-command';

/**
 * `npm run audit:verify [-- --from-seq N]`: walk the audit chain of DATABASE_URL (or the embedded database
 * in DATA_DIR) with the verifier the service uses, print the report as JSON.
 * Exit 0: valid; 1: broken (the report names the first invalid entry); 2: usage or connection error.
 */
const CLI = {
  name: 'audit-verify',
  options: { 'from-seq': { type: 'integer', min: 1, help: 'walk the chain from this sequence number on' } },
  notes: ['DATABASE_URL, or the embedded database in DATA_DIR'],
} as const;

async function main(): Promise<number> {
  const fromSeq = commandLine(CLI).options['from-seq'];
  const opts = fromSeq === undefined ? {} : { fromSeq };
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.dataDir);
  const ds = new DataSource({
    ...dataSourceOptions(config.databaseUrl ?? embedded!.url, { embedded: !!embedded }),
    logging: false,
  });
  try {
    await ds.initialize();
    const [table] = await ds.query<Array<{ t: string | null }>>(`SELECT to_regclass('audit_log') AS t`);
    if (!table?.t) {
      console.error('audit_log does not exist in this database: run the migrations first (npm run migration:run)');
      return 2;
    }
    const report = await new AuditVerifier((sql, params) => ds.query(sql, params)).verify(opts);
    console.log(JSON.stringify(report, null, 2));
    return report.valid ? 0 : 1;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`audit-verify: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
