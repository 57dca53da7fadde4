/**
 * RFC 9457 problem details as the service answers them (`errors[]` names a field and a reason), and how
 * the console shows them: a field path of the API (`parties[0].idNumber`, `transaction.reference`) becomes
 * the path of the form field it names, so the message appears under that field.
 */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

export interface Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldError[];
}

export function isProblem(x: unknown): x is Problem {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Problem).status === 'number' &&
    typeof (x as Problem).title === 'string'
  );
}

/** `parties[0].idNumber` → ['parties', 0, 'idNumber']; `items.2.reason` → ['items', 2, 'reason']. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface FormFieldErrors {
  /** Errors a form field shows under itself: its path and messages. */
  readonly fields: { name: (string | number)[]; errors: string[] }[];
  /** Errors that name no field the form has (shown above the form with the problem's title). */
  readonly rest: FieldError[];
}

/**
 * Split a problem's field errors into those a form shows under its fields (`known` tells whether the form
 * has a field at a path; an API field may also name a parent, e.g. `parties[0]` for a party's row) and the rest.
 */
export function mapProblemToForm(problem: Problem, known: (path: (string | number)[]) => boolean): FormFieldErrors {
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: FieldError[] = [];
  for (const e of problem.errors ?? []) {
    const path = fieldPath(e.field);
    if (!known(path)) {
      rest.push(e);
      continue;
    }
    const k = JSON.stringify(path);
    const entry = byPath.get(k) ?? { name: path, errors: [] };
    entry.errors.push(e.reason);
    byPath.set(k, entry);
  }
  return { fields: [...byPath.values()], rest };
}

/** One line for a message box: title, detail, and the request id to quote to the administrator. */
export function problemSummary(p: Problem): string {
  return [p.title, p.detail].filter(Boolean).join(' — ') + (p.requestId ? ` (request ${p.requestId})` : '');
}
