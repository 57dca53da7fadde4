/**
 * bench:audit, part 1: audit entries as the service writes them, and what one costs to canonicalise and
 * hash. The entries are copies of real check entries (request, ~10 KB answer, pack versions, subjects),
 * taken from the trail after real `POST /api/v1/checks` calls; each copy gets its own id and idempotency key.
 */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../src/common/canonical-json';
import { AUDIT_ALGORITHM, chainText, entryHash, GENESIS_HASH } from '../src/modules/audit/audit-chain';
import { prepareEntry, type PreparedEntry } from '../src/modules/audit/audit-entry';

/** What a stored check entry is made of, as read back from audit_log. */
export interface EntryTemplate {
  readonly caller: string | null;
  readonly scenario: string | null;
  readonly subject_ids: string[];
  readonly request: JsonValue;
  readonly response: JsonValue;
  readonly pack_versions: JsonValue;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `n` entries ready for the writer (prepareEntry, as AuditService.append does), cycling over the templates. */
export function entriesFrom(templates: readonly EntryTemplate[], n: number, now = new Date()): PreparedEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const t = templates[i % templates.length];
    return prepareEntry(
      {
        kind: 'check',
        caller: t.caller,
        scenario: t.scenario,
        subjectIds: t.subject_ids,
        idempotencyKey: `bench-${randomUUID()}`,
        requestHash: createHash('sha256').update(String(i)).digest('hex'),
        request: t.request,
        response: t.response,
        packVersions: t.pack_versions as Record<string, string>,
      },
      now,
    );
  });
}

/** The same entries under fresh ids and idempotency keys (the writer would take repeats as duplicates). */
export const renamed = (entries: readonly PreparedEntry[]): PreparedEntry[] =>
  entries.map((e) => ({ ...e, id: randomUUID(), idempotency_key: `bench-${randomUUID()}` }));

/** Mean bytes (UTF-8) of an entry's canonical text, and of its answer alone. */
export function entryBytes(entries: readonly PreparedEntry[]): { entry: number; response: number } {
  let entry = 0;
  let response = 0;
  for (const e of entries) {
    entry += Buffer.byteLength(chainText({ ...e, seq: 1 }));
    response += Buffer.byteLength(canonicalJson(e.response));
  }
  return { entry: entry / entries.length, response: response / entries.length };
}

/** The measures' texts an answer repeats (names, descriptions, reasons, legal basis) and each party's statement. */
const STATIC_TEXT = [
  'name',
  'nameZh',
  'description',
  'descriptionZh',
  'reason',
  'reasonZh',
  'legalBasis',
  'departments',
];

/**
 * Share of an answer's bytes (JSON) that are texts of the rule packs, rebuildable from the pack versions the
 * entry names: the measures' texts and the parties' statements.
 */
export function staticShare(templates: readonly EntryTemplate[]): number {
  let all = 0;
  let lean = 0;
  for (const t of templates) {
    all += Buffer.byteLength(JSON.stringify(t.response));
    const answer = JSON.parse(JSON.stringify(t.response)) as {
      parties?: Array<{ statement?: unknown; measures?: Array<Record<string, unknown>> }>;
    };
    for (const party of answer.parties ?? []) {
      delete party.statement;
      for (const m of party.measures ?? []) for (const k of STATIC_TEXT) delete m[k];
    }
    lean += Buffer.byteLength(JSON.stringify(answer));
  }
  return 1 - lean / all;
}

/**
 * µs per entry of `fn` over every entry, median of `rounds` passes: CPU time of this process (user + system),
 * which a busy machine inflates far less than elapsed time (time spent waiting for a core is not counted).
 */
function perEntry<T>(items: readonly T[], rounds: number, fn: (x: T) => unknown): number {
  const runs: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const cpu0 = process.cpuUsage();
    for (const x of items) sink += fn(x) ? 1 : 0;
    const d = process.cpuUsage(cpu0);
    runs.push((d.user + d.system) / items.length);
  }
  if (sink < 0) console.log(sink);
  return median(runs);
}

/**
 * CPU per entry of each step the trail adds to an answered check, beside plain JSON.stringify (+ SHA-256)
 * of the same value: prepareEntry (scrub and reduce to plain JSON), canonical JSON (keys sorted), the
 * hash over it, and entryHash (canonical JSON + hash: the part done inside the chain's lock).
 */
export function hashCost(templates: readonly EntryTemplate[], n: number, rounds: number) {
  const now = new Date();
  const entries = entriesFrom(templates, n, now);
  const texts = entries.map((e) => chainText({ ...e, seq: 1 }));
  const inputs = entries.map((e) => ({
    kind: 'check',
    caller: e.caller,
    scenario: e.scenario,
    subjectIds: e.subject_ids,
    request: e.request,
    response: e.response,
    packVersions: e.pack_versions as Record<string, string>,
  }));
  perEntry(entries, 1, (e) => entryHash(GENESIS_HASH, { ...e, seq: 1 })); // warm-up
  const rows = [
    {
      step: 'prepareEntry (scrub ID numbers, plain JSON)',
      'CPU µs/entry': perEntry(inputs, rounds, (i) => prepareEntry(i, now)),
    },
    {
      step: 'canonical JSON (chainText)',
      'CPU µs/entry': perEntry(entries, rounds, (e) => chainText({ ...e, seq: 1 })),
    },
    {
      step: `${AUDIT_ALGORITHM} over the canonical text`,
      'CPU µs/entry': perEntry(texts, rounds, (t) =>
        createHash(AUDIT_ALGORITHM).update(GENESIS_HASH).update(t).digest('hex'),
      ),
    },
    {
      step: 'entryHash = canonical JSON + hash (inside the lock)',
      'CPU µs/entry': perEntry(entries, rounds, (e) => entryHash(GENESIS_HASH, { ...e, seq: 1 })),
    },
    {
      step: 'peer: JSON.stringify of the same entry',
      'CPU µs/entry': perEntry(entries, rounds, (e) => JSON.stringify(e)),
    },
    {
      step: 'peer: JSON.stringify + sha256',
      'CPU µs/entry': perEntry(entries, rounds, (e) => createHash('sha256').update(JSON.stringify(e)).digest('hex')),
    },
  ];
  return rows.map((r) => ({ ...r, 'CPU µs/entry': +r['CPU µs/entry'].toFixed(1) }));
}
