import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from './database-unavailable';
import { scrubDeepAll } from './pii';
import { RulesError } from '../rules/shared';
import { DomainError, FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem';
import { RULES_PROBLEMS, rulesErrorFields } from './rules-problems';

const FASTIFY_CODES: Record<string, { code: string; title: string; field?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported content type (不支持的内容类型)',
    field: 'content-type',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    title: 'Request body too large (请求体过大)',
    field: 'body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'EMPTY_BODY', title: 'Empty JSON body (请求体为空)', field: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'INVALID_CONTENT_LENGTH',
    title: 'Invalid content length',
    field: 'content-length',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_JSON',
    title: 'Body is not valid JSON (请求体不是合法JSON)',
    field: 'body',
  },
};

/**
 * Turns any error into an RFC 9457 problem. Known errors keep their status and code; anything else is a
 * generic 500 that leaks nothing (the detail goes to the log, with the request id).
 */
export function toProblem(err: unknown, instance: string | undefined, requestId: string | undefined): ProblemDetails {
  if (err instanceof DomainError) return err.toProblem(instance, requestId);
  if (err instanceof RulesError) {
    const { status, title } = RULES_PROBLEMS[err.code];
    const errors = rulesErrorFields(err);
    return {
      ...base(status, err.code, title, err.message, instance, requestId),
      ...(errors?.length ? { errors } : {}),
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : err.message;
    // Fastify's parser errors reach here re-thrown by Nest as plain HttpExceptions: name them again.
    const k =
      status === 413
        ? FASTIFY_CODES.FST_ERR_CTP_BODY_TOO_LARGE
        : status === 415
          ? FASTIFY_CODES.FST_ERR_CTP_INVALID_MEDIA_TYPE
          : status === 400 && /json/i.test(detail)
            ? FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY
            : undefined;
    const code = k?.code ?? (status === 404 ? 'ROUTE_NOT_FOUND' : `HTTP_${status}`);
    const problem = base(status, code, k?.title ?? STATUS_CODES[status] ?? 'Error', detail, instance, requestId);
    return k?.field ? { ...problem, errors: [{ field: k.field, reason: detail }] } : problem;
  }
  const fe = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const known = typeof fe.code === 'string' ? FASTIFY_CODES[fe.code] : undefined;
    // SyntaxError from JSON.parse carries statusCode 400 without a FST code.
    const malformed = !known && err instanceof SyntaxError ? FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY : undefined;
    const k = known ?? malformed;
    const detail = typeof fe.message === 'string' ? fe.message : 'Bad request';
    const errors: FieldError[] | undefined = k?.field ? [{ field: k.field, reason: detail }] : undefined;
    return {
      ...base(
        fe.statusCode,
        k?.code ?? `HTTP_${fe.statusCode}`,
        k?.title ?? 'Bad request',
        detail,
        instance,
        requestId,
      ),
      ...(errors ? { errors } : {}),
    };
  }
  if (isDatabaseUnavailable(err)) {
    return base(
      503,
      'DATABASE_UNAVAILABLE',
      'Database unavailable (数据库不可用)',
      'The database could not be reached or did not answer in time; nothing was answered from it. Retry later.',
      instance,
      requestId,
    );
  }
  return base(
    500,
    'INTERNAL_ERROR',
    'Internal server error (服务器内部错误)',
    'An unexpected error occurred; quote the request id when reporting it.',
    instance,
    requestId,
  );
}

function base(
  status: number,
  code: string,
  title: string,
  detail: string,
  instance?: string,
  requestId?: string,
): ProblemDetails {
  return {
    type: `https://credit-engine.local/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    instance,
    code,
    requestId,
  };
}

/** Seconds a caller should wait before retrying a 503 (database or audit trail unavailable, shutting down). */
export const RETRY_AFTER_SECONDS = 5;

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  if (problem.status === 503 && !reply.hasHeader('retry-after'))
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    // The path may carry what a caller should not have put there (a resident ID number): masked, like every text of the
    // answer, 15-digit first-generation numbers included (over-masking an error message is harmless).
    const problem = scrubDeepAll(toProblem(exception, req?.url?.split('?')[0], req?.id));
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: req?.id }, 'Unhandled error');
    }
    sendProblem(reply, problem);
  }
}
