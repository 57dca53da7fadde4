import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from './problem';
import { scrubIdNumbers } from './pii';

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

/** The global pipe: unknown fields are refused, types are converted, errors become problem details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
