import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsUscc } from '../../../common/identifiers/decorators';
import { IdentifierForm, MaxDecimalPlaces, OptionalDate, OptionalText } from '../../../common/field-decorators';
import { RecordSubjectFields } from './record-subject.fields';

/** The remaining "双公示" fields (domain.md §5), kept in `details`; free text is scrubbed of ID numbers. */
export abstract class RecordDetailFields extends RecordSubjectFields {
  @OptionalText(200, { description: 'Violation type (违法行为类型)', example: '生产经营不符合食品安全标准的食品' })
  violationType?: string;

  @OptionalText(4000, {
    description: 'Main facts of the violation (违法事实)',
    example: '经查，当事人于2025年1月生产的某批次产品菌落总数不合格。',
  })
  violationFacts?: string;

  @OptionalText(2000, {
    description: 'Legal basis (处罚依据 / 许可依据 / 列入依据)',
    example: '《中华人民共和国食品安全法》第一百二十四条',
  })
  legalBasis?: string;

  @OptionalText(4000, {
    description: 'Content of the penalty or licence (处罚内容 / 许可内容)',
    example: '没收违法所得，罚款5万元',
  })
  content?: string;

  @OptionalText(200, {
    description: 'Deciding authority (处罚机关 / 许可机关 / 认定部门)',
    example: '厦门市市场监督管理局',
  })
  authority?: string;

  @ApiPropertyOptional({
    description: 'USCC of the deciding authority (处罚机关统一社会信用代码)',
    example: '11350200MB1782000Q',
  })
  @IsOptional()
  @IdentifierForm()
  @IsUscc()
  authorityUscc?: string;

  @ApiPropertyOptional({ description: 'USCC of the data-source unit (数据来源单位统一社会信用代码)' })
  @IsOptional()
  @IdentifierForm()
  @IsUscc()
  sourceUscc?: string;

  @ApiPropertyOptional({
    description: 'Confiscation amount in 万元 (没收违法所得、没收非法财物的金额, 10,000 yuan)',
    example: 1.2,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(0)
  @Max(9_999_999_999)
  confiscationAmount?: number;

  @OptionalDate({ description: 'Penalty end date (处罚截止期), as given by the source', example: '2025-06-30' })
  penaltyEndDate?: string;

  @OptionalText(200, { description: 'Licence: project name (项目名称)' })
  project?: string;

  @OptionalText(128, { description: 'Licence: certificate number (许可证书编号)', example: 'JY13502030012345' })
  licenceCode?: string;

  @OptionalText(64, {
    description: 'Licence: approval category (许可类别: 普通, 特许, 认可, 核准, 登记, 其他)',
    example: '普通',
  })
  approvalCategory?: string;

  @OptionalDate({ description: 'Licence: valid from (有效期自)', example: '2024-01-01' })
  validFrom?: string;

  @OptionalText(1000, { description: 'Remarks (备注)' })
  remarks?: string;
}
