import fc from 'fast-check';
import { addMonths, daysInMonth, formatDate } from './calendar';
import { InvalidDateError } from './rules.errors';

/** The arithmetic written out plainly, without the memo: the reference the remembered answers must equal. */
function reference(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return formatDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

const date = fc
  .record({
    y: fc.integer({ min: 1990, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => formatDate(y, m, Math.min(d, daysInMonth(y, m))));

describe('calendar: addMonths', () => {
  it('clamps to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('answers from memory what the arithmetic gives, asked once or many times, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(date, fc.integer({ min: -60, max: 60 })), { maxLength: 50 }), (asks) => {
        for (const [d, n] of [...asks, ...asks.reverse()]) expect(addMonths(d, n)).toBe(reference(d, n));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an invalid date or a fractional month every time, never answering it from memory', () => {
    for (let i = 0; i < 3; i++) {
      expect(() => addMonths('2025-02-30', 1)).toThrow(InvalidDateError);
      expect(() => addMonths('2025-2-3', 12)).toThrow(InvalidDateError);
      expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
    }
  });
});
