import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** A rule of ../subject-rules.ts as a class-validator decorator: `problem` answers null when fine. */
export type Rule = (value: unknown, object: Record<string, unknown>) => string | null;

export function Satisfies(problem: Rule, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'subjectRule',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (v: unknown, a: ValidationArguments) => problem(v, a.object as Record<string, unknown>) === null,
        // Never echoes the value: it may be an ID number.
        defaultMessage: (a: ValidationArguments) =>
          `${a.property} ${problem(a.value, a.object as Record<string, unknown>) ?? 'is not valid'}`,
      },
    });
}
