import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const ISO = { strict: true, strictSeparator: true };
/**
 * The instants PostgreSQL reads as timestamptz: a calendar date, or a date and time to the minute at least,
 * with an optional offset. ISO 8601 also allows '2026', '2026-11', week and ordinal dates and basic forms,
 * which the database refuses or reads otherwise: those are a 400 here.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;
const INSTANT_FORMS = 'YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|±HH:MM]';
/** PostgreSQL text holds no NUL: a filter carrying one is a 400, not a failed query (500). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern refuses
const NO_NUL = /^[^\u0000]*$/;

/** Filters shared by the list and the export (all optional, combined with AND). */
export class AuditFilterQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Entries about this subject (主体ID)',
    example: '3f1c2a9e-8d6b-4c55-9a51-2f7e0c1d9b10',
  })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Calling system / API key name (调用方)',
    example: 'cq-qijiang-bidding',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NO_NUL, { message: 'caller must not contain NUL characters' })
  caller?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'Scenario (应用场景)', example: 'tendering' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(NO_NUL, { message: 'scenario must not contain NUL characters' })
  scenario?: string;

  @ApiPropertyOptional({
    maxLength: 32,
    description: 'Entry kind (记录类型): check, feedback, record.ingest, record.revoke, pack.publish, auth.refused …',
    example: 'check',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.:-]{0,31}$/, { message: 'kind must be 1-32 characters: lower-case letters, digits, "._:-"' })
  kind?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Created at or after (起始时间, inclusive), ISO 8601; a date, or a date-time without an offset, is China Standard Time',
    example: '2026-11-01T00:00:00+08:00',
  })
  @IsOptional()
  @Matches(INSTANT, { message: `from must be ${INSTANT_FORMS}` })
  @IsISO8601(ISO, { message: 'from must be a real date (and time)' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Created before (截止时间, exclusive), ISO 8601; a date, or a date-time without an offset, is China Standard Time',
    example: '2026-12-01T00:00:00+08:00',
  })
  @IsOptional()
  @Matches(INSTANT, { message: `to must be ${INSTANT_FORMS}` })
  @IsISO8601(ISO, { message: 'to must be a real date (and time)' })
  to?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    default: 0,
    description: 'Keyset: entries with seq greater than this (use nextAfterSeq of the previous page)',
    example: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  afterSeq?: number;
}

export class ListAuditQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100, example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ExportAuditQuery extends AuditFilterQuery {
  @ApiPropertyOptional({
    enum: ['jsonl', 'csv'],
    default: 'jsonl',
    description: 'jsonl: every hashed field, verifiable offline; csv: for spreadsheets',
  })
  @IsOptional()
  @IsIn(['jsonl', 'csv'])
  format?: 'jsonl' | 'csv';
}

export class VerifyQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    default: 1,
    description: 'Start the walk at this seq (its predecessor anchors the link)',
    example: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  fromSeq?: number;
}
