/**
 * RFC 9457 problem details: the one shape every error answer takes (`application/problem+json`).
 */
export interface FieldError {
  /** Path of the offending field, e.g. `records[3].decisionDate` or `body`. */
  readonly field: string;
  readonly reason: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Stable, machine-readable error code, e.g. `SUBJECT_NOT_FOUND`. */
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly requestId?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** OpenAPI description of an error answer (the wording most 404s and some 400s use). */
export const PROBLEM_DESCRIPTION = 'RFC 9457 problem (application/problem+json)';
/** OpenAPI description of an error answer that names fields (most 400s). */
export const FIELD_PROBLEM_DESCRIPTION = 'RFC 9457 problem (application/problem+json) naming each field and the reason';
const TYPE_BASE = 'https://credit-engine.local/problems/';

/** An error that knows how it is answered. Feature errors extend it with their own codes. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly errors?: readonly FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  toProblem(instance?: string, requestId?: string): ProblemDetails {
    return {
      type: TYPE_BASE + this.code.toLowerCase().replace(/_/g, '-'),
      title: this.title,
      status: this.status,
      detail: this.message,
      instance,
      code: this.code,
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...this.extensions,
      requestId,
    };
  }
}

export class ValidationFailed extends DomainError {
  constructor(errors: readonly FieldError[], detail?: string) {
    super(
      400,
      'VALIDATION_FAILED',
      'Request validation failed (请求参数校验失败)',
      detail ?? summarise(errors),
      errors,
    );
  }
}

export class NotFound extends DomainError {
  constructor(code: string, what: string) {
    super(404, code, 'Not found (未找到)', what);
  }
}

function summarise(errors: readonly FieldError[]): string {
  const first = errors[0];
  if (!first) return 'The request is not valid.';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${first.field}: ${first.reason}${more}`;
}
