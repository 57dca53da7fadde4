import type { Change } from 'diff';

const CONTEXT = 3;

export interface Line {
  kind: ' ' | '+' | '-' | '…';
  text: string;
  a?: number;
  b?: number;
}

/** A unified line diff of two JSON texts, unchanged runs folded to `CONTEXT` lines around each change (a run of 2+ hidden lines). */
export function unifiedLines(changes: readonly Change[]): Line[] {
  const out: Line[] = [];
  let a = 1;
  let b = 1;
  changes.forEach((c, i) => {
    const lines = c.value.replace(/\n$/, '').split('\n');
    if (c.added) for (const text of lines) out.push({ kind: '+', text, b: b++ });
    else if (c.removed) for (const text of lines) out.push({ kind: '-', text, a: a++ });
    else {
      const keepHead = i === 0 ? 0 : CONTEXT;
      const keepTail = i === changes.length - 1 ? 0 : CONTEXT;
      // A fold must hide at least two lines: "1 unchanged line" would take the line's own place.
      const fold = lines.length - keepHead - keepTail >= 2;
      lines.forEach((text, j) => {
        const shown = !fold || j < keepHead || j >= lines.length - keepTail;
        if (shown) out.push({ kind: ' ', text, a, b });
        else if (j === keepHead) out.push({ kind: '…', text: String(lines.length - keepHead - keepTail) });
        a++;
        b++;
      });
    }
  });
  return out;
}
