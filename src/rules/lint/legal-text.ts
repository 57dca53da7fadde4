/**
 * A legal basis must be real text (issue 14, point 8): every text field of a legal source (`legalSources[]`)
 * or of a `legalBasis` — title, titleZh, documentNumber, article, note — is refused when blank after trimming,
 * wherever it sits in a pack, a measures catalogue or measure rules. The JSON Schemas refuse the same
 * (`pattern: "\\S"`); this walker names the fields for a draft save, which stores otherwise invalid drafts.
 * Pure.
 */
const TEXT_FIELDS = ['title', 'titleZh', 'documentNumber', 'article', 'note'] as const;

export interface BlankLegalText {
  /** JSON pointer of the blank field. */
  readonly path: string;
  readonly reason: string;
}

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

function checkBasis(o: unknown, path: string, out: BlankLegalText[]): void {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return;
  for (const f of TEXT_FIELDS) {
    const v = (o as Record<string, unknown>)[f];
    if (typeof v === 'string' && v.trim() === '')
      out.push({ path: `${path}/${f}`, reason: 'must not be blank: a legal basis shown to callers must be real text' });
  }
}

/** Blank legal-basis text anywhere in `content`. */
export function blankLegalText(content: unknown, path = '', out: BlankLegalText[] = []): BlankLegalText[] {
  if (content === null || typeof content !== 'object') return out;
  if (Array.isArray(content)) {
    content.forEach((v, i) => blankLegalText(v, `${path}/${i}`, out));
    return out;
  }
  for (const [k, v] of Object.entries(content as Record<string, unknown>)) {
    const p = `${path}/${escape(k)}`;
    if (k === 'legalSources' && Array.isArray(v)) v.forEach((s, i) => checkBasis(s, `${p}/${i}`, out));
    if (k === 'legalBasis') checkBasis(v, p, out);
    blankLegalText(v, p, out);
  }
  return out;
}
