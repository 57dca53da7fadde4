import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import { addMonths } from '../../rules/shared';
import { TieringQueries } from '../tiering/tiering.queries';
import { TieringService, TieringRunSummary } from '../tiering/tiering.service';
import { DEMO_COUNT, generateDemo } from './demo-data';

/** Months back the first load dates its tier history: a tier per subject at the end of each (see `load`). */
export const DEMO_HISTORY_MONTHS = 6;

export interface DemoLoadSummary {
  readonly subjects: number;
  readonly records: { stored: number; unchanged: number; updated: number; refused: number };
  readonly tiering: TieringRunSummary;
  /** Subjects given a backdated tier history (those without any history before this load). */
  readonly backdated: number;
}

/** How far a load is, step by step (the CLI draws it on stderr: scripts/demo-load.ts). */
export type DemoProgress = (
  step: 'subjects' | 'records' | 'tier history' | 'tiering',
  done: number,
  total: number,
) => void;

/**
 * Loads the demo data set through the same services a data officer's import uses (validation,
 * idempotency, publicity windows), then tiers every subject. Running it again changes nothing.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
    private readonly tiering: TieringService,
    private readonly tierQueries: TieringQueries,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async load(count = DEMO_COUNT, progress: DemoProgress = () => undefined): Promise<DemoLoadSummary> {
    const today = this.clock.today();
    const { subjects, records } = generateDemo(today, count);
    const fresh: string[] = [];
    progress('subjects', 0, subjects.length);
    for (const [done, s] of subjects.entries()) {
      const ref = await this.subjects.resolveOrRegister({
        code: s.code,
        idNumber: s.idNumber,
        name: s.name,
        kind: s.kind,
        registeredOn: s.registeredOn,
        region: '500110',
        industryCode: s.industryCode,
      });
      if ((await this.tierQueries.history(ref.id, undefined, 1)).items.length === 0) fresh.push(ref.id);
      progress('subjects', done + 1, subjects.length);
    }
    const totals = { stored: 0, unchanged: 0, updated: 0, refused: 0 };
    // A story for the overview's tiers over time: the subjects new to tiering get the tier they held on this
    // day of each of the last months, computed from the same records as of that day (a record decided later
    // is not yet in force) and stored through the tiering service as history dated then (as_of), before the
    // recomputes of today that the records cause (held meanwhile). Only subjects without history before this
    // load: loading again adds nothing. Dates follow the service clock.
    await this.tiering.holdingRecomputes(async () => {
      progress('records', 0, records.length);
      for (let i = 0; i < records.length; i += 1000) {
        const chunk = records.slice(i, i + 1000).map((data, k) => ({ row: i + k + 1, data }));
        const report = await this.records.ingestBatch(chunk, 'json');
        totals.stored += report.totals.stored;
        totals.unchanged += report.totals.unchanged;
        totals.updated += report.totals.updated;
        totals.refused += report.totals.refused;
        for (const r of report.rows)
          if (r.status === 'refused') this.logger.warn(`Demo row ${r.row} refused: ${JSON.stringify(r.errors)}`);
        progress('records', i + chunk.length, records.length);
      }
      if (fresh.length) progress('tier history', 0, DEMO_HISTORY_MONTHS);
      for (let m = DEMO_HISTORY_MONTHS; m >= 1 && fresh.length; m--) {
        await this.tiering.recompute(fresh, { asOf: addMonths(today, -m), trigger: 'demo-load' });
        progress('tier history', DEMO_HISTORY_MONTHS - m + 1, DEMO_HISTORY_MONTHS);
      }
    });
    // The demo rows arrive through the records service, not over HTTP: one audit entry stands for the load.
    await this.audit.append({
      kind: 'record.import',
      caller: 'demo-load',
      request: { demo: true, subjects: subjects.length, records: records.length },
      response: { totals },
    });
    await this.tiering.idle();
    const all = await this.subjects.count();
    progress('tiering', 0, all);
    const tiering = await this.tiering.recomputeAll({
      trigger: 'demo-load',
      onChunk: (done) => Promise.resolve(progress('tiering', done, all)),
    });
    this.logger.log(
      `Demo data: ${subjects.length} subjects, ${records.length} records (${totals.stored} stored), ${tiering.evaluations} tiers`,
    );
    return { subjects: subjects.length, records: totals, tiering, backdated: fresh.length };
  }
}
