import { Injectable } from '@nestjs/common';
import { legalFindingsOf, type LegalFinding } from '../../rules/quality';
import { RecordLegalQueries } from '../records/record-legal.queries';

/**
 * Records stored under the old behaviour that the law contradicts (issue 14): named, never rewritten here.
 * The department re-imports the record with the field set; the update is audited like any import.
 */
@Injectable()
export class LegalFindingsService {
  constructor(private readonly queries: RecordLegalQueries) {}

  async findings(department: string | null): Promise<{ items: LegalFinding[]; total: number; howToFix: string }> {
    const items = (await this.queries.candidates(department)).flatMap(legalFindingsOf);
    return {
      items,
      total: items.length,
      howToFix:
        '由数据来源单位按原决定文书号补正后重新报送（POST /api/v1/records 或 /api/v1/records/import，更新留痕）。Re-import the record under its decision number with the field corrected: an audited update.',
    };
  }
}
