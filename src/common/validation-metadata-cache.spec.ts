import { IsInt, Min, getMetadataStorage, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { RecordRowDto } from '../modules/records/dto/record-row.dto';

describe('cacheValidationMetadata', () => {
  const storage = getMetadataStorage();
  const lookup = () =>
    storage
      .getTargetValidationMetadatas(RecordRowDto, '', false, false, undefined)
      .map((m) => [m.propertyName, m.type]);

  it('gives the same metadata, in the same order, as the uncached look-up', () => {
    const before = lookup();
    cacheValidationMetadata();
    cacheValidationMetadata(); // idempotent
    expect(lookup()).toEqual(before);
    expect(lookup()).toEqual(before);
    expect(before.length).toBeGreaterThan(20);
  });

  it('forgets what it kept when a decorator is registered later', () => {
    cacheValidationMetadata();
    class Late {
      @IsInt()
      n!: number;
    }
    expect(validateSync(plainToInstance(Late, { n: 5 }))).toHaveLength(0);
    Min(10)(Late.prototype, 'n'); // a rule added after the first validation
    expect(validateSync(plainToInstance(Late, { n: 5 })).map((e) => Object.keys(e.constraints ?? {}))).toEqual([
      ['min'],
    ]);
  });
});
