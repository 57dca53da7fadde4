import { residentIdsIn } from '../setup/log-scan';

/** Signs of internals in an answer: a stack frame, a file of the service, a database error. */
const INTERNALS: readonly [string, RegExp][] = [
  ['stack frame', /\bat [\w$.<>]+ \(|\n\s+at \S+:\d+:\d+|\.(ts|js):\d+:\d+/],
  // (A pack's own `"$schema": "../../src/rules/pack.schema.json"` is the authors' content, not a leak.)
  [
    'internal path',
    /\/work\/|node_modules|(?<!"\$schema":"(\.\.\/)+)src\/(modules|common|rules)\/|\/dist\/|[A-Z]:\\\\/,
  ],
  [
    'SQL text',
    /\b(QueryFailedError|syntax error at or near|violates (unique|foreign key|check|not-null) constraint|invalid input syntax for|relation "[^"]+" does not exist|column "[^"]+" (of relation "[^"]+" )?does not exist|current transaction is aborted|INSERT INTO "|SELECT "[a-z_]+"\."|FROM "[a-z_]+")/,
  ],
  ['error class', /\b(TypeError|RangeError|ReferenceError|SyntaxError|EntityNotFound|TypeORMError)\b: /],
];

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/**
 * What is wrong with an answer to a hostile request: a 5xx, internals in the body, a 4xx that is not a
 * problem-details body (application/problem+json with type, title and the status), or a valid resident
 * ID number in full. Empty when nothing is.
 */
export function answerProblems(a: Answer): string[] {
  const out: string[] = [];
  if (a.status >= 500) out.push(`status ${a.status}`);
  for (const [what, re] of INTERNALS) {
    const m = re.exec(a.text);
    if (m) out.push(`${what} in the body: …${a.text.slice(Math.max(0, m.index - 60), m.index + 80)}…`);
  }
  if (a.status >= 400 && a.status < 500) {
    if (!a.contentType.startsWith('application/problem+json'))
      out.push(`${a.status} with content-type "${a.contentType}": ${a.text.slice(0, 200)}`);
    else {
      let p: Record<string, unknown> | undefined;
      try {
        p = JSON.parse(a.text) as Record<string, unknown>;
      } catch {
        out.push(`${a.status} problem body is not JSON: ${a.text.slice(0, 200)}`);
      }
      if (p && (typeof p.type !== 'string' || typeof p.title !== 'string' || p.status !== a.status))
        out.push(`${a.status} problem without type/title/status: ${a.text.slice(0, 200)}`);
    }
  }
  const ids = residentIdsIn(a.text);
  if (ids.length)
    out.push(
      `${ids.length} resident ID number(s) in full in the answer (${ids[0].slice(0, 6)}********${ids[0].slice(14)})`,
    );
  return out;
}
