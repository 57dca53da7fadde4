import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { scrubIdNumbers } from '../../common/pii';
import type { FieldError } from '../../common/problem';
import { flattenValidationErrors } from '../../common/validation';
import { RecordRowDto } from './dto/record-row.dto';
import { rowRuleErrors } from './record-rules';
import { plainRecordRow } from './row-fast';
import { derivedSeverity } from '../../rules/publicity';
import { cacheValidationMetadata } from '../../common/validation-metadata-cache';

// Imports validate thousands of rows a request: the validators' metadata is looked up once, not per row.
cacheValidationMetadata();

export type RowCheck =
  { readonly ok: true; readonly row: RecordRowDto } | { readonly ok: false; readonly errors: FieldError[] };

/**
 * One row through the same rules as `POST /api/v1/records`: the DTO's field rules (unknown fields
 * refused), then the rules across fields. Messages never repeat a value (so never an ID number).
 */
export function checkRow(raw: unknown, today: string): RowCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: 'row', reason: 'must be an object of record fields' }] };
  }
  // A plainly valid row is taken as it is (row-fast.ts); any other goes through class-validator for its errors.
  const fast = plainRecordRow(raw);
  const row = fast ?? (raw instanceof RecordRowDto ? raw : plainToInstance(RecordRowDto, raw));
  const fieldErrors = fast
    ? []
    : validateSync(row, {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        validationError: { target: false, value: false },
      });
  // An unknown field's name is echoed: scrub it, in case a caller used an ID number as a key.
  if (fieldErrors.length)
    return {
      ok: false,
      errors: flattenValidationErrors(fieldErrors).map((e) => ({ ...e, field: scrubIdNumbers(e.field) })),
    };
  // 令第36号 fixes some grades by the penalty type: a penalty sent without a grade takes it.
  if (row.type === 'penalty' && !row.severity && row.penaltyTypes?.length)
    row.severity = derivedSeverity(row.penaltyTypes, row.fineAmount) ?? undefined;
  const ruleErrors = rowRuleErrors(row, today);
  return ruleErrors.length ? { ok: false, errors: ruleErrors } : { ok: true, row };
}
