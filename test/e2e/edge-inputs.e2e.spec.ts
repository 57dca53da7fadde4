import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { http, startTestApp, TestApp } from '../helpers/app';
import { idNumber, uscc } from '../helpers/identifiers';

/**
 * Inputs that passed their format check and then failed in PostgreSQL (a 500), found in review: each is
 * now a 400 problem naming the field, and nothing is stored.
 */
describe('inputs that used to reach the database as a 500', () => {
  let t: TestApp;
  let db: DataSource;
  const refused = (
    res: { status: number; headers: Headers; body: { errors?: { field: string }[] } },
    field: string,
  ) => {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it('an Idempotency-Key holding a resident ID number: 400 naming the header, no check answered or audited', async () => {
    // Other test files append entries to the same trail meanwhile (a starting app audits its rule set): what this
    // request would have left is an entry naming its own transaction reference, or its party.
    const reference = `EDGE-${randomUUID()}`;
    const party = uscc();
    const mine = async () =>
      Number(
        (
          await db.query<Array<{ n: string }>>(
            `SELECT count(*) AS n FROM audit_log WHERE request::text LIKE '%' || $1 || '%' OR request::text LIKE '%' || $2 || '%'`,
            [reference, party],
          )
        )[0].n,
      );
    const res = await http(
      t.url,
      'POST',
      '/api/v1/checks',
      { scenario: 'tendering', transaction: { reference }, parties: [{ code: party, role: 'bidder' }] },
      { 'idempotency-key': `retry-${idNumber()}` },
    );
    refused(res, 'Idempotency-Key');
    expect(await mine()).toBe(0);
  });

  it('impossible calendar dates in feedback rates and in a measures replay: 400 naming the field', async () => {
    refused(await http(t.url, 'GET', '/api/v1/checks/feedback-rates?from=2026-02-31'), 'from');
    refused(await http(t.url, 'GET', '/api/v1/checks/feedback-rates?to=2026-13-01'), 'to');
    refused(await http(t.url, 'POST', '/api/v1/packs/measures/simulate', { from: '2026-02-31' }), 'from');
  });

  it('a declared ledger whose department carries a NUL, with an otherwise valid body: 400, nothing stored', async () => {
    const res = await http(t.url, 'PUT', '/api/v1/quality/ledgers/a%00b/2026-11', { declared: 1 });
    refused(res, 'department');
    expect(
      Number(
        (
          await db.query<Array<{ n: string }>>(
            `SELECT count(*) AS n FROM quality_ledgers WHERE period = '2026-11' AND department LIKE 'a%'`,
          )
        )[0].n,
      ),
    ).toBe(0);
  });
});
