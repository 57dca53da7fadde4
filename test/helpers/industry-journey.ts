import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Clock } from '../../src/common/clock';
import { TieringService } from '../../src/modules/tiering/tiering.service';
import type { Dto } from './api-types';
import { http, startTestApp, type TestApp } from './app';
import { uscc } from './identifiers';

/** The day the industry journeys pin (their records are dated before it, whatever today is). */
export const JOURNEY_DAY = '2026-11-28T04:00:00Z';

export interface IndustryJourney {
  /** The running application (after beforeAll). */
  readonly t: TestApp;
  /** A registered subject with a fresh code (a legal person unless `kind` says otherwise). */
  readonly subject: (
    name: string,
    industryCode: string,
    opts?: { kind?: 'legal_person' | 'individual_business'; registeredOn?: string },
  ) => Promise<{ id: string; code: string }>;
  /** A record body of this journey's source for the subject's code, with a fresh decision number. */
  readonly row: (code: string, body: Record<string, unknown>) => Record<string, unknown>;
  /** POST one record (201 expected), then wait until the tier recomputes it causes have finished. */
  readonly record: (code: string, body: Record<string, unknown>) => Promise<void>;
  /** The subject's current tiers by industry. */
  readonly tiers: (id: string) => Promise<Record<string, Dto<'SubjectTiersDto'>['tiers'][number]>>;
}

/**
 * One industry pack's journey over HTTP on the test database, the clock pinned to JOURNEY_DAY: registers the app's
 * start and stop with jest (call it in a describe block) and answers the steps every such journey takes — a subject
 * of the industry, its records, its tiers.
 */
export function industryJourney(prefix: string, subjectName: string): IndustryJourney {
  let app: TestApp | undefined;
  let tiering: TieringService;
  const source = `${prefix}-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    app = await startTestApp();
    app.app.get(Clock).pin(JOURNEY_DAY);
    tiering = app.app.get(TieringService);
  });
  afterAll(async () => {
    await app?.close();
  });
  const t = () => {
    if (!app) throw new Error('industryJourney: the application is not started (call it inside describe)');
    return app;
  };
  const row = (code: string, body: Record<string, unknown>) => ({
    source,
    decisionNumber: randomUUID(),
    subjectName,
    subjectCode: code,
    ...body,
  });
  return {
    get t() {
      return t();
    },
    subject: async (name, industryCode, opts = {}) => {
      const kind = opts.kind ?? 'legal_person';
      const code = uscc(kind === 'legal_person' ? '91500110' : '92500110');
      const res = await http<Dto<'SubjectResponse'>>(t().url, 'POST', '/api/v1/subjects', {
        kind,
        code,
        name: `${name}${code.slice(-4)}`,
        registeredOn: opts.registeredOn ?? '2012-05-01',
        industryCode,
      });
      expect(res.status).toBe(201);
      return { id: res.body.id, code };
    },
    row,
    record: async (code, body) => {
      const res = await http(t().url, 'POST', '/api/v1/records', row(code, body));
      expect(res.status).toBe(201);
      await tiering.idle();
    },
    tiers: async (id) => {
      const res = await http<Dto<'SubjectTiersDto'>>(t().url, 'GET', `/api/v1/subjects/${id}/tiers`);
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.tiers.map((x) => [x.industry, x]));
    },
  };
}
