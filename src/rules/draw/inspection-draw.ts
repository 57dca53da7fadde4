import { DrawImpossible } from './inspection-draw.errors';
import { byCodeUnits, mulberry32, partialShuffle, seed32 } from './inspection-draw.prng';
import {
  DRAW_ALGORITHM,
  type DrawInput,
  type DrawItem,
  type DrawPlan,
  type DrawPolicy,
  type DrawReason,
  type DrawSubject,
  type DrawTierSummary,
} from './inspection-draw.types';

export * from './inspection-draw.types';
export { DrawImpossible } from './inspection-draw.errors';

const PAIR = 2;

/**
 * The inspection draw (双随机: random subjects, random inspectors). Pure and deterministic: the same
 * inputs and seed give the same plan, byte for byte. The procedure, so that an outsider can re-run it:
 * 1. rnd = mulberry32(first 4 bytes of SHA-256(seed), big-endian).
 * 2. Subjects sorted by id (code units), grouped by tier, tiers taken in code-unit order.
 * 3. Per tier: target = round(samplingRatio × population). Subjects with an open lead or due by
 *    frequency are always in. The rest, in id order, go through a partial Fisher–Yates shuffle of
 *    max(0, target − always-in) steps; the first ones are drawn ('ratio').
 * 4. Inspectors sorted by id, then fully Fisher–Yates shuffled with the same rnd: that order breaks ties.
 * 5. Drawn subjects in id order each get the two eligible inspectors (no conflict, not excluded) with
 *    the lowest load, ties by the shuffled order.
 */
export function drawInspectionPlan(input: DrawInput): DrawPlan {
  const s32 = seed32(input.seed);
  const rnd = mulberry32(s32);
  const subjects = sortedById(input.subjects);
  const byTier = groupByTier(subjects);
  const selected: Array<DrawReason | undefined> = new Array<DrawReason | undefined>(subjects.length);
  const tiers: DrawTierSummary[] = [];
  for (const tier of [...byTier.keys()].sort(byCodeUnits)) {
    tiers.push(drawTier(tier, subjects, byTier.get(tier) ?? [], policyOf(input, tier), rnd, selected));
  }
  const items = pairInspectors(input, subjects, selected, rnd);
  return { algorithm: DRAW_ALGORITHM, seed: input.seed, seed32: s32, tiers, items: items.items, load: items.load };
}

/** Subjects in code-unit order of id; ids are unique. */
function sortedById(subjects: readonly DrawSubject[]): DrawSubject[] {
  return [...subjects].sort((a, b) => byCodeUnits(a.id, b.id));
}

/** Positions (in id order) of each tier's subjects. */
function groupByTier(subjects: readonly DrawSubject[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  subjects.forEach((s, at) => {
    const list = out.get(s.tier);
    if (list) list.push(at);
    else out.set(s.tier, [at]);
  });
  return out;
}

function policyOf(input: DrawInput, tier: string): DrawPolicy {
  const p = Object.prototype.hasOwnProperty.call(input.policies, tier) ? input.policies[tier] : undefined;
  if (!p)
    throw new DrawImpossible('NO_POLICY_FOR_TIER', `No inspection policy (sampling ratio) for tier ${tier}.`, { tier });
  if (!Number.isFinite(p.samplingRatio) || p.samplingRatio < 0 || p.samplingRatio > 1) {
    throw new DrawImpossible('BAD_RATIO', `The sampling ratio of tier ${tier} must be between 0 and 1.`, { tier });
  }
  return p;
}

function drawTier(
  tier: string,
  subjects: readonly DrawSubject[],
  members: readonly number[],
  policy: DrawPolicy,
  rnd: () => number,
  selected: Array<DrawReason | undefined>,
): DrawTierSummary {
  const target = Math.round(policy.samplingRatio * members.length);
  const pool: number[] = [];
  let lead = 0;
  let due = 0;
  for (const at of members) {
    const s = subjects[at];
    if (s.openLead) {
      selected[at] = 'lead';
      lead++;
    } else if (s.due) {
      selected[at] = 'due';
      due++;
    } else pool.push(at);
  }
  const drawn = partialShuffle(pool, target - lead - due, rnd);
  for (const at of drawn) selected[at] = 'ratio';
  return {
    tier,
    population: members.length,
    samplingRatio: policy.samplingRatio,
    target,
    lead,
    due,
    ratio: drawn.length,
    drawn: lead + due + drawn.length,
  };
}

function pairInspectors(
  input: DrawInput,
  subjects: readonly DrawSubject[],
  selected: ReadonlyArray<DrawReason | undefined>,
  rnd: () => number,
) {
  const ids = [...new Set(input.inspectors.map((i) => i.id))].sort(byCodeUnits);
  if (ids.length < PAIR) {
    throw new DrawImpossible('TOO_FEW_INSPECTORS', `Two inspectors are needed per subject; ${ids.length} given.`, {
      eligible: ids.length,
      needed: PAIR,
    });
  }
  const order = partialShuffle([...ids], ids.length, rnd); // position in `order` breaks ties
  const at = new Map(order.map((id, i) => [id, i]));
  const load = new Int32Array(order.length);
  const conflicts = new Map<string, number[]>();
  for (const insp of input.inspectors) {
    for (const subjectId of insp.conflicts) {
      const list = conflicts.get(subjectId) ?? [];
      list.push(at.get(insp.id) ?? -1);
      conflicts.set(subjectId, list);
    }
  }
  const items: DrawItem[] = [];
  const barredFor = new Int32Array(order.length).fill(-1); // barredFor[i] === n: inspector i may not take item n
  for (let k = 0; k < subjects.length; k++) {
    const reason = selected[k];
    if (!reason) continue;
    const s = subjects[k];
    const n = items.length;
    for (const i of conflicts.get(s.id) ?? []) if (i >= 0) barredFor[i] = n;
    for (const id of s.excludedInspectors ?? []) {
      const i = at.get(id);
      if (i !== undefined) barredFor[i] = n;
    }
    const [a, b] = leastLoaded(load, barredFor, n);
    if (b < 0) {
      const eligible = barredFor.reduce((k, x) => (x === n ? k : k + 1), 0);
      throw new DrawImpossible(
        'SUBJECT_UNSTAFFABLE',
        `Subject ${s.id} has ${eligible} eligible inspector(s) after conflicts; ${PAIR} are needed.`,
        { subjectId: s.id, eligible, needed: PAIR },
      );
    }
    load[a]++;
    load[b]++;
    const policy = input.policies[s.tier];
    items.push({
      subjectId: s.id,
      tier: s.tier,
      reason,
      inspectors: [order[a], order[b]],
      onSite: reason === 'lead' || policy.onSiteWithoutLead !== false,
      keyItemsFull: policy.keyItemsFull === true,
    });
  }
  return { items, load: Object.fromEntries(ids.map((id) => [id, load[at.get(id) ?? 0]])) };
}

/** Positions of the two eligible inspectors of lowest (load, position); -1 where none is left. */
function leastLoaded(load: Int32Array, barredFor: Int32Array, item: number): [number, number] {
  let first = -1;
  let second = -1;
  for (let i = 0; i < load.length; i++) {
    if (barredFor[i] === item) continue;
    if (first < 0 || load[i] < load[first]) {
      second = first;
      first = i;
    } else if (second < 0 || load[i] < load[second]) second = i;
  }
  return [first, second];
}
