import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PlanViewDto } from './plan-responses.dto';

/** OpenAPI shape of a published plan (一公开, GET …/export?format=json): the plan and the inputs to re-run the draw. */

export class DrawSubjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Credit tier (信用等级)' }) tier: string;
  @ApiProperty({ description: "Due by the tier's inspection frequency (检查频次到期): always drawn" }) due: boolean;
  @ApiProperty({ description: 'An open complaint or lead (投诉举报线索): always drawn' }) openLead: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Inspectors who may not inspect it (回避)' })
  excludedInspectors?: string[];
}

export class DrawPolicyDto {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Sampling ratio (抽查比例)' }) samplingRatio: number;
  @ApiPropertyOptional({ description: 'false: no on-site visit without a lead (无事不扰)' })
  onSiteWithoutLead?: boolean;
  @ApiPropertyOptional({ description: 'Key items checked in full (重点事项全覆盖)' }) keyItemsFull?: boolean;
}

export class DrawInspectorDto {
  @ApiProperty({ description: 'Inspector id (执法人员编号)' }) id: string;
  @ApiProperty({ description: 'Department (所属部门)' }) department: string;
  @ApiProperty({ type: [String], description: 'Subject ids it must not inspect (回避)' }) conflicts: string[];
}

export class DrawInputDto {
  @ApiProperty({ type: [DrawSubjectDto], description: 'Candidates in id order (候选主体)' }) subjects: DrawSubjectDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DrawPolicyDto) },
    description: 'Tier → draw policy (分级抽查比例)',
  })
  policies: Record<string, DrawPolicyDto>;
  @ApiProperty({ type: [DrawInspectorDto], description: 'Inspectors with their conflicts (执法检查人员)' })
  inspectors: DrawInspectorDto[];
  @ApiProperty({ description: 'Seed (随机种子)' }) seed: string;
}

export class PlanExportDto {
  @ApiProperty({ type: PlanViewDto, description: 'The plan (抽查计划)' }) plan: PlanViewDto;
  @ApiProperty({
    type: DrawInputDto,
    description: 'The published inputs: hashed to inputsHash, they re-run the draw (复核)',
  })
  inputs: DrawInputDto;
  @ApiProperty({ description: 'How to re-run the draw (复核说明)' }) rerun: string;
}
