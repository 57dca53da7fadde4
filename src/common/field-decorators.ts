import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';
import { normaliseIdentifier } from './identifiers/normalise';
import { scrubIdNumbers } from './pii';
import { isCalendarDate } from './calendar-date';

/** Strings arrive trimmed; codes and ID numbers NFKC (full width as ASCII), upper case (a typed 'x' is an 'X'). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
export const IdentifierForm = () => Transform(({ value }: { value: unknown }) => normaliseIdentifier(value));

/** class-validator: a real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function IsCalendarDate(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (v: unknown) => isCalendarDate(v),
        defaultMessage: (a: ValidationArguments) => `${a.property} must be a real calendar date written YYYY-MM-DD`,
      },
    });
}

type Doc = Pick<ApiPropertyOptions, 'description' | 'example'>;

/** PostgreSQL text cannot hold NUL: a row carrying one is refused, not a database error (500). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern refuses
export const NoNul = () => Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters' });

/**
 * Text kept verbatim (source and decision number: the idempotency key, answered in records and checks)
 * cannot be masked like free text: one holding a resident ID number is refused.
 */
export const NoIdNumber = () =>
  ValidateBy({
    name: 'noIdNumber',
    validator: {
      validate: (v: unknown) => typeof v !== 'string' || scrubIdNumbers(v) === v,
      defaultMessage: (a?: ValidationArguments) =>
        `${a?.property ?? 'field'} must not contain a resident ID number (身份证号)`,
    },
  });

/** Optional free text of at most `max` characters. */
export const OptionalText = (max: number, doc: Doc) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max, ...doc }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    NoNul(),
    Trim(),
  );

/** Required text of at most `max` characters. */
export const RequiredText = (max: number, doc: Doc) =>
  applyDecorators(
    ApiProperty({ type: String, maxLength: max, ...doc }),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    NoNul(),
    Trim(),
  );

export const OptionalDate = (doc: Doc) =>
  applyDecorators(ApiPropertyOptional({ type: String, format: 'date', ...doc }), IsOptional(), IsCalendarDate());

export const OptionalEnum = (values: readonly string[], doc: Doc) =>
  applyDecorators(ApiPropertyOptional({ enum: [...values], ...doc }), IsOptional(), IsIn([...values]));

/**
 * class-validator: a number with at most `places` decimals. Replaces IsNumber's `maxDecimalPlaces`, which throws a
 * TypeError (a 500) on a number JavaScript writes in exponent form (1e-7, 4e-323): such a number is refused here.
 */
export function MaxDecimalPlaces(places: number): PropertyDecorator {
  const form = new RegExp(`^-?\\d+(\\.\\d{1,${places}})?$`);
  return ValidateBy({
    name: 'maxDecimalPlaces',
    validator: {
      validate: (v: unknown) => typeof v !== 'number' || form.test(String(v)),
      defaultMessage: (a?: ValidationArguments) =>
        `${a?.property ?? 'value'} must be a number with at most ${places} decimal places`,
    },
  });
}
