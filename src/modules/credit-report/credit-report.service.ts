import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/problem';
import { isCalendarDate } from '../../common/calendar-date';
import { PacksService } from '../packs/packs.service';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import { TieringService } from '../tiering/tiering.service';
import { buildCreditReport, type CreditReport } from './credit-report.sections';

/** The public credit report (信用报告) of a subject as of a date, in the 信用中国 sections. */
@Injectable()
export class CreditReportService {
  constructor(
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
    private readonly tiering: TieringService,
    private readonly packs: PacksService,
    private readonly clock: Clock,
  ) {}

  async forSubject(id: string, asOf?: string): Promise<CreditReport> {
    const day = asOf ?? this.clock.today();
    if (!isCalendarDate(day))
      throw new ValidationFailed([{ field: 'asOf', reason: 'must be a real calendar date written YYYY-MM-DD' }]);
    // One read of the records in force at `day` (404 for an unknown subject): the records listed and the facts
    // behind the tiers come from the same rows, so a record committed meanwhile is in both or in neither.
    const { subject, records, facts } = await this.records.inForceForSubject(id, day);
    const snapshot = this.packs.snapshot(); // one rule set for the whole report
    const assignments = (await this.tiering.assignmentsFor([subject.id])).get(subject.id) ?? [];
    return buildCreditReport({
      subject,
      records,
      tiers: this.tiering.tiersFor(subject, facts, day, snapshot.packs, assignments),
      asOf: day,
      generatedAt: this.clock.now().toISOString(),
      packVersions: { ...snapshot.versions },
    });
  }

  /** By unified social credit code (organisations; a natural person is never looked up by a URL). */
  async forCode(code: string, asOf?: string): Promise<CreditReport> {
    const subject = await this.subjects.lookup({ code });
    return this.forSubject(subject.id, asOf);
  }
}
