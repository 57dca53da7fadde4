import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENTRY_EXAMPLE } from '../audit.examples';

const JSON_VALUE = { description: 'Any JSON value; personal ID numbers masked (110105********002X)' };

/** OpenAPI shapes of the answers (the service returns plain objects of these shapes). */
export class AuditEntryDto {
  @ApiProperty({
    type: 'integer',
    description: 'Position in the chain, contiguous from 1 (序号)',
    example: ENTRY_EXAMPLE.seq,
  })
  seq: number;
  @ApiProperty({ format: 'uuid', description: 'Entry id; for a check, the check id', example: ENTRY_EXAMPLE.id })
  id: string;
  @ApiProperty({
    description: 'check, feedback, record.ingest, record.revoke, pack.publish, auth.refused …',
    example: 'check',
  })
  kind: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Calling system / API key name (调用方)',
    example: ENTRY_EXAMPLE.caller,
  })
  caller: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Operator in the calling system (经办人)',
    example: ENTRY_EXAMPLE.operator,
  })
  operator: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'tendering' }) scenario: string | null;
  @ApiProperty({ type: [String], format: 'uuid', example: ENTRY_EXAMPLE.subjectIds }) subjectIds: string[];
  @ApiProperty({ nullable: true, type: String, example: ENTRY_EXAMPLE.idempotencyKey }) idempotencyKey: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Hash of the caller's raw request (64 hex)",
    example: ENTRY_EXAMPLE.requestHash,
  })
  requestHash: string | null;
  @ApiProperty({ ...JSON_VALUE, nullable: true, example: ENTRY_EXAMPLE.request }) request: unknown;
  @ApiProperty({ ...JSON_VALUE, nullable: true, example: ENTRY_EXAMPLE.response }) response: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Rule-pack versions used (规则包版本)',
    example: ENTRY_EXAMPLE.packVersions,
  })
  packVersions: Record<string, string>;
  @ApiProperty({ format: 'date-time', example: ENTRY_EXAMPLE.createdAt }) createdAt: string;
  @ApiProperty({ enum: ['sm3', 'sha256'], description: 'Hash algorithm of this entry (SM3 where available)' })
  algorithm: string;
  @ApiProperty({ description: 'Hash of the previous entry (64 zeros for the first)', example: ENTRY_EXAMPLE.prevHash })
  prevHash: string;
  @ApiProperty({ description: 'H(prevHash ‖ canonical JSON of the hashed fields), hex', example: ENTRY_EXAMPLE.hash })
  hash: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({
    nullable: true,
    type: 'integer',
    description: 'afterSeq of the next page; null on the last page',
    example: 1042,
  })
  nextAfterSeq: number | null;
}

class ChainHeadDto {
  @ApiProperty({ type: 'integer', example: 1042 }) seq: number;
  @ApiProperty({ example: ENTRY_EXAMPLE.hash }) hash: string;
}

class ChainBreakDto {
  @ApiProperty({ type: 'integer', example: 17 }) seq: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) id: string | null;
  @ApiProperty({
    enum: ['altered', 'removed', 'reordered', 'inserted'],
    description:
      "altered: hash does not match the fields; removed: seq gap or prev_hash not the predecessor's; reordered: prev_hash is another entry's hash; inserted: this entry was slipped in",
  })
  problem: string;
  @ApiProperty({ example: 'hash of seq 17 does not match its fields (sm3)' }) detail: string;
}

export class ChainReportDto {
  @ApiProperty({ description: 'True when every entry examined links and hashes correctly' }) valid: boolean;
  @ApiProperty({ type: 'integer', description: 'Entries examined (the walk stops at the first invalid one)' })
  entries: number;
  @ApiProperty({ type: 'integer' }) fromSeq: number;
  @ApiProperty({
    type: ChainHeadDto,
    nullable: true,
    description: 'Last valid entry examined: publish or countersign its hash to anchor the chain end',
  })
  head: ChainHeadDto | null;
  @ApiPropertyOptional({ type: ChainBreakDto }) firstInvalid?: ChainBreakDto;
  @ApiProperty({ type: 'integer' }) durationMs: number;
}

class OutboxSweepDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Interrupted entries chained by that sweep' }) chained: number;
}

/** The audit outbox (审计待记) as an operator sees it. */
export class OutboxStatusDto {
  @ApiProperty({
    description: 'Changes committed whose entry is not in the chain yet (one per request); normally 0 between requests',
  })
  pendingEntries: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the oldest pending change committed',
  })
  oldestAt: string | null;
  @ApiProperty({ description: 'Older than this, a pending change is chained as interrupted (AUDIT_OUTBOX_GRACE_MS)' })
  graceSeconds: number;
  @ApiProperty({ type: OutboxSweepDto, nullable: true, description: 'The last sweep of this instance' })
  lastSweep: OutboxSweepDto | null;
  @ApiProperty({ description: 'Interrupted entries this instance chained since it started' }) chainedSinceStart: number;
}
