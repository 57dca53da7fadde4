import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { industryCodeProblem } from '../../../rules/membership';
import { Satisfies } from '../../subjects/dto/satisfies.decorator';
import { IsResidentId, IsUscc } from '../../../common/identifiers/decorators';
import { SUBJECT_KINDS, type SubjectKind } from '../../../rules/shared';
import { IdentifierForm, OptionalDate, OptionalText, RequiredText } from '../../../common/field-decorators';

/**
 * Who the record is about (信用主体). The subject is found by its code or ID number, or registered on
 * first sight. A natural person's ID number is never stored or returned: responses show it masked.
 */
export abstract class RecordSubjectFields {
  @RequiredText(200, { description: 'Subject name (主体名称)', example: '厦门市某某食品有限公司' })
  subjectName: string;

  @ApiPropertyOptional({
    description:
      'Unified social credit code (统一社会信用代码, GB 32100), check character verified. Give this or subjectIdNumber.',
    example: '91350200776049653A',
  })
  @IsOptional()
  @IdentifierForm()
  @IsUscc()
  subjectCode?: string;

  @ApiPropertyOptional({
    description: "A natural person's resident ID number (公民身份号码, GB 11643). Never stored nor returned in full.",
    example: '11010519491231002X',
  })
  @IsOptional()
  @IdentifierForm()
  @IsResidentId()
  subjectIdNumber?: string;

  @ApiPropertyOptional({
    enum: SUBJECT_KINDS,
    description: 'Subject kind (主体类型); inferred from the code or ID number when absent',
  })
  @IsOptional()
  @IsIn([...SUBJECT_KINDS])
  subjectKind?: SubjectKind;

  @OptionalDate({
    description: 'Establishment / registration date (成立日期), used when the subject is registered',
    example: '2015-06-30',
  })
  subjectRegisteredOn?: string;

  @ApiPropertyOptional({ description: 'Administrative division code (行政区划代码, GB/T 2260)', example: '350200' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'subjectRegion must be a 6-digit administrative division code (行政区划代码)' })
  subjectRegion?: string;

  @ApiPropertyOptional({
    description:
      'Industry code (国民经济行业分类代码, GB/T 4754-2017) of the subject, e.g. H6110 旅游饭店, E4710 住宅房屋建筑: kept when the subject is registered, and given to a known subject that has none (a code it has is kept)',
    pattern: '^[A-T](\\d{2}(\\d{1,2})?)?$',
    example: 'H6110',
  })
  @IsOptional()
  @IdentifierForm()
  @Satisfies((v) => industryCodeProblem(v) ?? null)
  subjectIndustryCode?: string;

  @OptionalText(100, {
    description: 'Legal representative (法定代表人): the name only, never an ID number',
    example: '张三',
  })
  legalRepresentative?: string;
}
