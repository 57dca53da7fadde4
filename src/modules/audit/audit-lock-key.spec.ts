import type { QueryRunner } from 'typeorm';
import { AuditAppendFunction1796587200000 } from '../../database/migrations/1796587200000-AuditAppendFunction';
import { AUDIT_LOCK_KEY } from './audit.store';

/**
 * `audit_append` (its migration) takes the chain's advisory lock by number; every other writer of the chain (the
 * tamper tests' superuser, a batch that holds the lock across a transaction) takes AUDIT_LOCK_KEY. One number.
 */
it('audit_append locks the chain with AUDIT_LOCK_KEY', async () => {
  const sql: string[] = [];
  await new AuditAppendFunction1796587200000().up({
    query: (text: string) => Promise.resolve(void sql.push(text)),
  } as unknown as QueryRunner);
  expect(sql.join('\n')).toContain(`pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
});
