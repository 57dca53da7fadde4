import { ApiProperty } from '@nestjs/swagger';
import { SUBJECT_KINDS, SubjectKind } from '../../../rules/shared';
import type { SubjectPage, SubjectView } from '../subjects.types';
import { KIND_DESCRIPTION } from './register-subject.dto';

export const SUBJECT_EXAMPLE: SubjectView = {
  id: '7d0c3f9e-2b1a-4c5d-9e8f-0a1b2c3d4e5f',
  kind: 'legal_person',
  name: '厦门市某某科技有限公司',
  code: '91350200776049653A',
  idMasked: null,
  region: '350200',
  registeredOn: '2005-06-18',
  industryCode: 'I6513',
  createdAt: '2026-11-28T08:00:00.000Z',
  updatedAt: '2026-11-28T08:00:00.000Z',
};

export const NATURAL_PERSON_EXAMPLE: SubjectView = {
  ...SUBJECT_EXAMPLE,
  id: '0f4f8d1c-6a3e-4b7a-8c2d-5e6f7a8b9c0d',
  kind: 'natural_person',
  name: '张三',
  code: null,
  idMasked: '110105********002X',
  region: null,
  registeredOn: null,
  industryCode: null,
};

/** A subject (信用主体) as answered: never the ID number, only its masked form. */
export class SubjectResponse implements SubjectView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBJECT_KINDS, description: KIND_DESCRIPTION }) kind: SubjectKind;
  @ApiProperty({ description: 'Name (名称 / 姓名)' }) name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Unified social credit code (统一社会信用代码); null for natural persons',
  })
  code: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Masked resident ID number (脱敏身份证号); null for organisations',
    example: '110105********002X',
  })
  idMasked: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Administrative division code (行政区划代码)' }) region:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'Establishment / registration date (成立日期)',
  })
  registeredOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Registered industry code (国民经济行业分类代码, GB/T 4754-2017), e.g. E4710; null when unknown. One of the ways a subject belongs to an industry (行业归属)',
    example: 'E4710',
  })
  industryCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SubjectPageResponse implements SubjectPage {
  @ApiProperty({ type: [SubjectResponse] }) items: SubjectResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
