import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RECORD_TYPES, type RecordType } from '../../../rules/facts';

export class ImportTemplateQuery {
  @ApiProperty({ enum: RECORD_TYPES, description: 'Record type (信用记录类型)', example: 'penalty' })
  @IsIn([...RECORD_TYPES])
  type: RecordType;

  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';

  @ApiPropertyOptional({
    enum: ['zh', 'en'],
    default: 'zh',
    description: 'zh: the 双公示 Chinese column titles where the standard has them; en: field names',
  })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}
