import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { JOB_KINDS } from '../../../database/pgboss-schema';
import { JOB_STATES } from '../job.types';

export class JobListQuery {
  @ApiPropertyOptional({ enum: JOB_KINDS, description: 'Only jobs of this kind (任务类型)' })
  @IsOptional()
  @IsIn(JOB_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: JOB_STATES, description: 'Only jobs in this state (任务状态)' })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: (typeof JOB_STATES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class JobResultQuery {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Position of the first item (0-based)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5000, default: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export class JobProgressDto {
  @ApiProperty({ description: 'Items done (已完成): import rows, subjects tiered', example: 4000 }) done: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Items in all (总数), when known', example: 12000 })
  total: number | null;
}

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: JOB_KINDS, description: 'Kind (任务类型)' }) kind: string;
  @ApiProperty({ description: 'Kind in Chinese', example: '批量导入' }) kindZh: string;
  @ApiProperty({ enum: JOB_STATES, description: 'State: queued 排队, running 运行, completed 完成, failed 失败' })
  state: string;
  @ApiProperty({ enum: ['排队', '运行', '完成', '失败'], description: 'State in Chinese (任务状态)' }) stateZh: string;
  @ApiProperty({ type: JobProgressDto }) progress: JobProgressDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Result summary (结果摘要) once completed: an import its format and totals; a tiering run its counts and duration',
  })
  summary: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      "Why it failed (失败原因), as RFC 9457 problem details; while a retry waits (state queued), the last attempt's error",
  })
  error: Record<string, unknown> | null;
  @ApiProperty({ description: 'Attempts started (执行次数)' }) attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'The API key that queued it (提交方)' }) caller:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where the per-item result is read page by page (an import: its per-row report)',
    example: '/api/v1/jobs/0c8f3f3e-1f7a-4a5e-9d59-2f3b1c6d7e80/result',
  })
  resultUrl: string | null;
}

export class JobListDto {
  @ApiProperty({ type: [JobDto] }) items: JobDto[];
}

export class JobResultPageDto {
  @ApiProperty({ type: JobDto }) job: JobDto;
  @ApiProperty({ description: 'Items in the whole result' }) total: number;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'The items: an import its report lines (row, line, status, recordId, subjectId, errors…), in row order',
  })
  items: Record<string, unknown>[];
}
