import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from './problem';
import { scrubIdNumbers } from './pii';
import { nestedDeeperThan } from '../rules/shared';

/** Flatten class-validator's tree into `field: reason` pairs with dotted/indexed paths. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const seg = /^\d+$/.test(e.property) ? `[${e.property}]` : e.property;
    const path = parent ? (seg.startsWith('[') ? `${parent}${seg}` : `${parent}.${seg}`) : seg;
    for (const reason of Object.values(e.constraints ?? {})) {
      out.push({ field: scrubIdNumbers(path), reason: scrubIdNumbers(reason.replace(/^property \S+ /, 'field ')) });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

/** Deepest nesting of objects and arrays a request may carry (the validator itself recurses). */
export const MAX_INPUT_DEPTH = 64;

/** A body, query or parameter nested too deep is a 400 before class-validator's recursion can overflow the stack. */
class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameter decorators (@Caller, @PendingAuditOf) hand over what the server made, not client input:
    // not walked (and not validated: validateCustomDecorators stays off).
    if (metadata.type === 'custom') return value;
    // A body validated against a class is an object. JSON `null`, an array, a string or a number is refused
    // naming the body; without it the pipe turns `null` into `{}` and a route whose fields are all optional
    // (POST /tiering/runs: "run everything") would act on a request that asked for nothing of the kind.
    // An absent body (no content) stays absent: such routes document what it means.
    if (
      metadata.type === 'body' &&
      value !== undefined &&
      this.toValidate(metadata) &&
      (value === null || typeof value !== 'object' || Array.isArray(value))
    ) {
      throw new ValidationFailed([
        {
          field: 'body',
          reason: `must be a JSON object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}`,
        },
      ]);
    }
    if (nestedDeeperThan(value, MAX_INPUT_DEPTH)) {
      throw new ValidationFailed([
        { field: metadata.type, reason: `must not nest objects or arrays deeper than ${MAX_INPUT_DEPTH} levels` },
      ]);
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: unknown fields are refused, types are converted, errors become problem details. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
