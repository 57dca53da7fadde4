import { ValidationFailed } from '../../common/problem';
import { draftSubject } from './subject-draft';
import { chinaDate } from '../../common/clock';
import { looksLikeIdNumber, registeredOnProblem } from './subject-rules';

const hash = (id: string) => `h(${id})`;
const TODAY = '2026-11-28';

describe('draftSubject', () => {
  it('infers the kind from the USCC category code and the region from positions 3-8', () => {
    expect(draftSubject({ code: '91350200776049653A', name: ' A ' }, hash, TODAY)).toEqual({
      kind: 'legal_person',
      code: '91350200776049653A',
      idHash: null,
      idMasked: null,
      name: 'A',
      region: '350200',
      registeredOn: null,
      industryCode: null,
    });
    expect(draftSubject({ code: '123502001549897397', name: 'B' }, hash, TODAY).kind).toBe('public_body');
    expect(draftSubject({ code: '91350200776049653a', name: 'C', region: '350203' }, hash, TODAY)).toMatchObject({
      code: '91350200776049653A',
      region: '350203',
    });
  });

  it('keeps only the hash and the masked form of an ID number (a typed x is an X)', () => {
    const d = draftSubject({ idNumber: ' 11010519491231002x ', name: '张三' }, hash, TODAY);
    expect(d).toMatchObject({
      kind: 'natural_person',
      code: null,
      idHash: 'h(11010519491231002X)',
      idMasked: '110105********002X',
      region: null,
    });
    expect(Object.values(d)).not.toContain('11010519491231002X');
  });

  it('names every bad field and never repeats the ID number', () => {
    try {
      draftSubject(
        { kind: 'legal_person', idNumber: '110105194912310021', name: '', registeredOn: '2023-02-29', region: 'x' },
        hash,
        TODAY,
      );
      throw new Error('expected a ValidationFailed');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationFailed);
      const fields = (e as ValidationFailed).errors?.map((x) => x.field);
      expect(fields).toEqual(['code', 'idNumber', 'name', 'region', 'registeredOn']);
      expect(JSON.stringify((e as ValidationFailed).toProblem())).not.toContain('110105194912310021');
    }
  });

  it('bounds the registration date by the day it is given (the service clock), not by the calendar', () => {
    expect(draftSubject({ code: '91350200776049653A', name: 'A', registeredOn: TODAY }, hash, TODAY).registeredOn).toBe(
      TODAY,
    );
    expect(() =>
      draftSubject({ code: '91350200776049653A', name: 'A', registeredOn: '2026-11-29' }, hash, TODAY),
    ).toThrow(ValidationFailed);
    expect(
      draftSubject({ code: '91350200776049653A', name: 'A', registeredOn: '2031-01-01' }, hash, '2031-06-01')
        .registeredOn,
    ).toBe('2031-01-01');
  });

  it('keeps a GB/T 4754-2017 industry code and refuses a malformed one, naming industryCode', () => {
    const ok = (industryCode: unknown) =>
      draftSubject({ code: '91350200776049653A', name: 'A', industryCode }, hash, TODAY).industryCode;
    expect(ok('H6110')).toBe('H6110');
    expect(ok('E47')).toBe('E47');
    expect(ok('H')).toBe('H');
    expect(ok(undefined)).toBeNull();
    for (const bad of ['h6110', 'H61101', 'H6', 'Z47', '4710', 47]) {
      try {
        ok(bad);
        throw new Error(`expected ${String(bad)} to be refused`);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationFailed);
        expect((e as ValidationFailed).errors?.map((x) => x.field)).toEqual(['industryCode']);
      }
    }
  });
});

describe('subject rules', () => {
  it('dates: real, from 1800, not after today in China Standard Time', () => {
    // 2026-03-01 17:30 UTC is already 2026-03-02 in Beijing.
    const now = Date.UTC(2026, 2, 1, 17, 30);
    expect(chinaDate(new Date(now))).toBe('2026-03-02');
    expect(registeredOnProblem('2026-03-02', chinaDate(new Date(now)))).toBeNull();
    expect(registeredOnProblem('2026-03-03', chinaDate(new Date(now)))).toMatch(/future/);
    expect(registeredOnProblem('2999-01-01')).toBeNull(); // the form alone (request validation): the service checks the day
    expect(registeredOnProblem('2024-02-29', '2026-01-01')).toBeNull();
    expect(registeredOnProblem('2023-02-29', '2026-01-01')).toMatch(/real calendar date/);
    expect(registeredOnProblem('1799-12-31', '2026-01-01')).toMatch(/1800/);
    expect(registeredOnProblem('2020-1-1', '2026-01-01')).toMatch(/YYYY-MM-DD/);
  });

  it('recognises ID-number-shaped runs in a name', () => {
    expect(looksLikeIdNumber('张三 11010519491231002X')).toBe(true);
    expect(looksLikeIdNumber('110105491231002')).toBe(true);
    expect(looksLikeIdNumber('张三１１０１０５４９１２３１００２')).toBe(true); // full width
    expect(looksLikeIdNumber('第12345号门店')).toBe(false);
  });
});
