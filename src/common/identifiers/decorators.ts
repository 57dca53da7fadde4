import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { residentIdProblem, residentIdReason } from './resident-id';
import { usccProblem, usccReason } from './uscc';

/** class-validator: a valid unified social credit code (GB 32100), check character verified. */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (v: unknown) => typeof v === 'string' && usccProblem(v) === null,
        defaultMessage: (a: ValidationArguments) =>
          `${a.property} ${typeof a.value === 'string' ? usccReason(usccProblem(a.value) ?? 'shape') : 'must be a string'}`,
      },
    });
}

/** class-validator: a valid resident ID number (GB 11643). The message never repeats the value. */
export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResidentId',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (v: unknown) => typeof v === 'string' && residentIdProblem(v) === null,
        defaultMessage: (a: ValidationArguments) =>
          `${a.property} ${typeof a.value === 'string' ? residentIdReason(residentIdProblem(a.value) ?? 'shape') : 'must be a string'}`,
      },
    });
}
