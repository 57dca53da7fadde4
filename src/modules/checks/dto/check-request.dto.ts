import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { MaxDecimalPlaces } from '../../../common/field-decorators';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsResidentId, IsUscc } from '../../../common/identifiers/decorators';
import { normaliseIdentifier } from '../../../common/identifiers/normalise';

/** Codes and ID numbers as records and subjects take them: full-width forms in ASCII, trimmed, upper case. */
const identifier = ({ value }: { value: unknown }) => normaliseIdentifier(value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const PARTY_ROLES = [
  'bidder',
  'supplier',
  'tenderer',
  'purchaser',
  'transferee',
  'applicant',
  'borrower',
  'nominee',
  'other',
] as const;

export class CheckPartyDto {
  @ApiPropertyOptional({
    description: 'Unified social credit code (统一社会信用代码); give this or idNumber',
    example: '91500110MA8EEY8N48',
  })
  @IsOptional()
  @Transform(identifier)
  @IsUscc()
  code?: string;

  @ApiPropertyOptional({
    description: "A natural person's resident ID number (公民身份号码); never stored, answered masked",
    example: '11010519491231002X',
  })
  @IsOptional()
  @Transform(identifier)
  @IsResidentId()
  idNumber?: string;

  @ApiProperty({
    enum: PARTY_ROLES,
    description:
      'Role of the party in the transaction (当事人角色): bidder 投标人, supplier 供应商, tenderer 招标人, transferee 受让人, applicant 申请人, borrower 借款人, nominee 评选对象…',
    example: 'bidder',
  })
  @IsIn(PARTY_ROLES)
  role: string;

  @ApiPropertyOptional({
    description: 'Name as the caller knows it (主体名称), for the record',
    example: '重庆恒通酒店有限公司2',
  })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(200)
  name?: string;
}

export class CheckTransactionDto {
  @ApiProperty({ description: "The caller's transaction reference (业务编号)", example: 'QJZB-2026-0412' })
  @IsString()
  @IsNotEmpty()
  @Transform(trim)
  @MaxLength(128)
  reference: string;

  @ApiPropertyOptional({
    description: 'Kind of transaction (业务类型), free text of the caller',
    example: '房屋建筑工程施工招标',
  })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(100)
  kind?: string;

  @ApiPropertyOptional({ description: 'Amount in yuan (金额, 元), if any', example: 12500000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  amount?: number;
}

export class CheckRequestDto {
  @ApiProperty({
    description:
      'Scenario (应用场景): tendering 招标投标, government_procurement 政府采购, land_transfer 国有土地出让, government_funds 政府性资金, awards_honours 评先评优, financing 融资授信 (loans, credit lines), bond_issuance 发行债券',
    example: 'tendering',
  })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'scenario must be a scenario code such as tendering' })
  scenario: string;

  @ApiProperty({ type: CheckTransactionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CheckTransactionDto)
  transaction: CheckTransactionDto;

  @ApiProperty({
    type: [CheckPartyDto],
    description: 'Every party of the transaction (当事人), 1–200',
    minItems: 1,
    maxItems: 200,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CheckPartyDto)
  parties: CheckPartyDto[];

  @ApiPropertyOptional({ description: 'Operator (经办人) in the calling system', example: 'qj-zb-0031' })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(100)
  operator?: string;
}
