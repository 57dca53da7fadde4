import { TextDecoder } from 'node:util';

let table: Map<string, number[]> | undefined;

/**
 * Text → GBK bytes, as a Chinese office suite writes a CSV. Node encodes only UTF-8, so the table is built by
 * decoding every two-byte GBK sequence with Node's own decoder (the same one the service reads with).
 */
export function encodeGbk(text: string): Buffer {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        try {
          const ch = decoder.decode(Buffer.from([hi, lo]));
          if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
        } catch {
          /* not a character */
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK encoding for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
