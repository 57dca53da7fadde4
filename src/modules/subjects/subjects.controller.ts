import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { LookupSubjectDto } from './dto/lookup-subject.dto';
import { ProblemResponse } from './dto/problem.response';
import { RegisterSubjectDto } from './dto/register-subject.dto';
import { SubjectIdParam } from './dto/subject-id.param';
import { NATURAL_PERSON_EXAMPLE, SUBJECT_EXAMPLE, SubjectResponse } from './dto/subject.response';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { SubjectsService } from './subjects.service';
import type { SubjectView } from './subjects.types';
import { RequireScopes } from '../auth/scopes.decorator';

const BAD_REQUEST = {
  type: ProblemResponse,
  description: 'Validation failed: `errors[].field` names each bad field (problem details)',
};
const NOT_FOUND = { type: ProblemResponse, description: 'SUBJECT_NOT_FOUND' };
/** Body routes: JSON only (415 otherwise), size-limited (413). */
const JsonBody = () =>
  applyDecorators(
    UseGuards(JsonOnlyGuard),
    ApiUnsupportedMediaTypeResponse({ type: ProblemResponse, description: 'Body is not application/json' }),
    ApiPayloadTooLargeResponse({ type: ProblemResponse, description: 'Body larger than the configured limit' }),
  );

@ApiTags('subjects (信用主体)')
@RequireScopes('subjects')
@Controller('api/v1/subjects')
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @Post()
  @HttpCode(201)
  @JsonBody()
  @ApiOperation({
    summary: 'Register a subject (登记信用主体)',
    description:
      'Legal persons, organisations, individual businesses and public bodies by unified social credit code; natural persons by resident ID number (stored as a keyed hash, answered masked). Region defaults to positions 3–8 of the code.',
  })
  @ApiBody({
    type: RegisterSubjectDto,
    examples: {
      legalPerson: {
        summary: '法人 (legal person)',
        value: {
          kind: 'legal_person',
          code: '91350200776049653A',
          name: '厦门市某某科技有限公司',
          registeredOn: '2005-06-18',
        },
      },
      individualBusiness: {
        summary: '个体工商户',
        value: { kind: 'individual_business', code: '92350203MA2Y0XQ00M', name: '思明区某某小吃店' },
      },
      publicBody: {
        summary: '机关事业单位',
        value: { kind: 'public_body', code: '123502001549897397', name: '厦门市某某中心', region: '350200' },
      },
      naturalPerson: {
        summary: '自然人 (natural person)',
        value: { kind: 'natural_person', idNumber: '11010519491231002X', name: '张三' },
      },
    },
  })
  @ApiCreatedResponse({ type: SubjectResponse, description: 'Registered', example: SUBJECT_EXAMPLE })
  @ApiBadRequestResponse(BAD_REQUEST)
  @ApiConflictResponse({
    type: ProblemResponse,
    description: 'SUBJECT_EXISTS: the code or ID number is registered already; `subjectId` names it',
  })
  register(@Body() body: RegisterSubjectDto): Promise<SubjectView> {
    return this.subjects.register(body);
  }

  @Post('lookup')
  @HttpCode(200)
  @JsonBody()
  @ApiOperation({
    summary: 'Find a subject by code or ID number (按代码或身份证号查询主体)',
    description:
      'Exactly one of `code` or `idNumber`. A POST, so that an ID number travels only in a body, never in a URL or an access log.',
  })
  @ApiBody({
    type: LookupSubjectDto,
    examples: {
      byCode: { summary: 'By unified social credit code', value: { code: '91350200776049653A' } },
      byIdNumber: { summary: 'By resident ID number (自然人)', value: { idNumber: '11010519491231002X' } },
    },
  })
  @ApiOkResponse({ type: SubjectResponse, example: NATURAL_PERSON_EXAMPLE })
  @ApiBadRequestResponse(BAD_REQUEST)
  @ApiNotFoundResponse(NOT_FOUND)
  lookup(@Body() body: LookupSubjectDto): Promise<SubjectView> {
    return this.subjects.lookup(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a subject by id (查看信用主体)' })
  @ApiOkResponse({ type: SubjectResponse, example: SUBJECT_EXAMPLE })
  @ApiBadRequestResponse(BAD_REQUEST)
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param() params: SubjectIdParam): Promise<SubjectView> {
    return this.subjects.get(params.id);
  }
}
