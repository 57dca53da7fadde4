import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { OptionalDate, RequiredText } from '../../../common/field-decorators';

export class RevokeRecordDto {
  @RequiredText(500, {
    description: 'Why the decision was revoked (撤销原因), e.g. the revoking decision number',
    example: '行政复议决定撤销原处罚决定（厦府复〔2025〕45号）',
  })
  reason: string;

  @OptionalDate({
    description: 'Revocation date (撤销日期), on or after the decision date and not in the future; default today',
    example: '2025-09-01',
  })
  revokedAt?: string;
}

export class ListRecordsQuery {
  @OptionalDate({ description: 'As of this date (截至日期), YYYY-MM-DD; default today', example: '2025-09-01' })
  asOf?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Also list records no longer in force (含已失效记录): ended, revoked, repaired, past their publicity end',
    example: false,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeEnded?: boolean;
}
