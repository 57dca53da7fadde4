import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { SUBJECT_KINDS, SubjectKind } from '../../../rules/shared';
import { industryCodeProblem } from '../../../rules/membership';
import {
  identifierProblem,
  nameProblem,
  NAME_MAX,
  normaliseIdentifier,
  regionProblem,
  registeredOnProblem,
  trimmed,
} from '../subject-rules';
import type { RegisterSubjectInput } from '../subjects.types';
import { Satisfies } from './satisfies.decorator';

export const KIND_DESCRIPTION =
  'Subject kind (主体类型): legal_person 法人, unincorporated_org 非法人组织, individual_business 个体工商户, ' +
  'natural_person 自然人, public_body 机关事业单位';
export const USCC_DESCRIPTION =
  'Unified social credit code (统一社会信用代码, GB 32100), 18 characters, check character verified. Lower case is accepted and stored upper case.';
export const INDUSTRY_CODE_DESCRIPTION =
  'Registered industry code (国民经济行业分类代码, GB/T 4754-2017): a section letter A–T, optionally followed by 2, 3 or 4 ' +
  'digits (大类, 中类, 小类), e.g. E4710 住宅房屋建筑, H6110 旅游饭店, F5251 西药零售. Lower case and full width are accepted ' +
  'and stored upper case. One of the ways a subject belongs to an industry (行业归属); an existing subject without a code gets it';
export const ID_NUMBER_DESCRIPTION =
  'Resident ID number (公民身份号码, GB 11643), check character verified. Stored only as a keyed hash; never returned, never put it in a URL.';

/** POST /api/v1/subjects. natural_person needs idNumber and no code; every other kind needs code and no idNumber. */
export class RegisterSubjectDto implements RegisterSubjectInput {
  @ApiProperty({ enum: SUBJECT_KINDS, description: KIND_DESCRIPTION, example: 'legal_person' })
  @IsIn(SUBJECT_KINDS)
  kind: SubjectKind;

  @ApiPropertyOptional({
    description: `${USCC_DESCRIPTION} Required unless kind is natural_person.`,
    example: '91350200776049653A',
    minLength: 18,
    maxLength: 18,
  })
  @Transform(({ value }: { value: unknown }) => normaliseIdentifier(value))
  @Satisfies((v, o) => identifierProblem('code', o.kind, v))
  code?: string;

  @ApiPropertyOptional({
    description: `${ID_NUMBER_DESCRIPTION} Required when kind is natural_person.`,
    example: '11010519491231002X',
    minLength: 18,
    maxLength: 18,
    writeOnly: true,
  })
  @Transform(({ value }: { value: unknown }) => normaliseIdentifier(value))
  @Satisfies((v, o) => identifierProblem('idNumber', o.kind, v))
  idNumber?: string;

  @ApiProperty({
    description: 'Name (名称 / 姓名), trimmed, 1–200 characters',
    minLength: 1,
    maxLength: NAME_MAX,
    example: '厦门市某某科技有限公司',
  })
  @Transform(({ value }: { value: unknown }) => trimmed(value))
  @Satisfies((v) => nameProblem(v))
  name: string;

  @ApiPropertyOptional({
    description:
      'Administrative division code (行政区划代码, GB/T 2260), 6 digits. Defaults to positions 3–8 of the code.',
    pattern: '^\\d{6}$',
    example: '350200',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Satisfies((v) => regionProblem(v))
  region?: string | null;

  @ApiPropertyOptional({
    description: 'Establishment / registration date (成立日期), YYYY-MM-DD, not in the future (China Standard Time)',
    format: 'date',
    example: '2005-06-18',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Satisfies((v) => registeredOnProblem(v))
  registeredOn?: string | null;

  @ApiPropertyOptional({
    description: INDUSTRY_CODE_DESCRIPTION,
    pattern: '^[A-T](\\d{2}(\\d{1,2})?)?$',
    example: 'H6110',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => normaliseIdentifier(value))
  @Satisfies((v) => industryCodeProblem(v) ?? null)
  industryCode?: string | null;
}
