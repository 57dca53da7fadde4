/**
 * A pack's content as text for the editor and the diff. The database answers jsonb, whose keys come back
 * ordered by length; an author reads a pack in the order of pack.schema.json (id, industry, names, version,
 * …, tiers, rules) with each rule's name first. Keys not listed keep their place after the listed ones.
 */
const TOP = [
  '$schema',
  'id',
  'industry',
  'name',
  'nameZh',
  'description',
  'version',
  'effectiveDate',
  'appliesTo',
  'legalSources',
  'parameters',
  'scoring',
  'tiers',
  'rules',
  'inspectionPolicy',
  'measures',
  'coverage',
];
const RULE = ['name', 'priority', 'conditions', 'event'];
const TIER = ['tier', 'label', 'labelZh', 'minScore', 'maxScore'];
const EVENT = ['type', 'params'];
const PARAMS = ['points', 'tier', 'reason', 'reasonZh', 'legalBasis'];

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function ordered(o: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of keys) if (k in o) out[k] = o[k];
  for (const [k, v] of Object.entries(o)) if (!(k in out)) out[k] = v;
  return out;
}

function rule(r: unknown): unknown {
  if (!isObj(r)) return r;
  const o = ordered(r, RULE);
  if (isObj(o.event)) {
    const e = ordered(o.event, EVENT);
    if (isObj(e.params)) e.params = ordered(e.params, PARAMS);
    o.event = e;
  }
  return o;
}

/** The content, pretty-printed (2 spaces) in the authors' order; anything not a tier pack as it is. */
export function packText(content: unknown, tierPack = true): string {
  if (!tierPack || !isObj(content)) return JSON.stringify(content, null, 2);
  const o = ordered(content, TOP);
  if (Array.isArray(o.tiers)) o.tiers = o.tiers.map((t) => (isObj(t) ? ordered(t, TIER) : t));
  if (Array.isArray(o.rules)) o.rules = o.rules.map(rule);
  return JSON.stringify(o, null, 2);
}
