import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailed } from './problem';

/** `@Param('id', uuidParam())`: a path parameter that is not a UUID is a 400 problem naming it, never a 404 or a query. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailed([{ field, reason: 'must be a UUID' }]) });
