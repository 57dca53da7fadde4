/**
 * True when `value` nests objects or arrays deeper than `max` (walked without recursion, so a hostile depth cannot
 * overflow the stack). Bytes (a typed array such as a CSV body's Buffer) nest nothing and are not walked.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (d >= max) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, d + 1]);
  }
  return false;
}
