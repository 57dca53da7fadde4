/**
 * `docs/legal-basis.md` (issue 14): one table, every catalogue measure and every tier rule → document,
 * document number, article, status, date checked. The linter fails on a measure or rule without a row,
 * a row without a known status, or a row without its check date. Pure: the caller reads the file.
 *
 * A row is `| kind | pack | \`id\` | document | document number | article | status | checked |`, kind
 * `measure` (pack `measures`) or `rule` (pack = the tier pack's id).
 */
import type { LintFinding } from './lint.types';

export const LEGAL_BASIS_STATUSES = ['verified', 'secondary', 'local parameter'] as const;

export interface BasisEntry {
  readonly kind: 'measure' | 'rule';
  readonly pack: string;
  readonly id: string;
  /** The file the measure or rule is declared in (for the finding). */
  readonly file: string;
}

interface Row {
  readonly status: string;
  readonly checked: string;
}

function rowsOf(doc: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 10 || !/^`[^`]+`$/.test(cells[3])) continue;
    rows.set(`${cells[1]} ${cells[2]} ${cells[3].slice(1, -1)}`, { status: cells[7], checked: cells[8] });
  }
  return rows;
}

export function legalBasisDocFindings(
  doc: string | null,
  docFile: string,
  entries: readonly BasisEntry[],
): LintFinding[] {
  const finding = (e: BasisEntry, message: string): LintFinding => ({
    file: e.file,
    ...(e.kind === 'measure' ? { measure: e.id } : { rule: e.id }),
    path: '',
    severity: 'error',
    code: 'basis-undocumented',
    message,
  });
  if (doc === null)
    return entries.length
      ? [{ ...finding(entries[0], `${docFile} is missing: every measure and rule needs a row`) }]
      : [];
  const rows = rowsOf(doc);
  const out: LintFinding[] = [];
  for (const e of entries) {
    const row = rows.get(`${e.kind} ${e.pack} ${e.id}`);
    if (!row) out.push(finding(e, `no row in ${docFile} for ${e.kind} ${e.pack} \`${e.id}\``));
    else if (!(LEGAL_BASIS_STATUSES as readonly string[]).includes(row.status))
      out.push(finding(e, `the row in ${docFile} has status "${row.status}": use ${LEGAL_BASIS_STATUSES.join(', ')}`));
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(row.checked))
      out.push(finding(e, `the row in ${docFile} has no check date (YYYY-MM-DD)`));
  }
  return out;
}
