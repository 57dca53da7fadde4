import { parseMeasures } from '../../rules/measures';
import type { FactRecord } from '../../rules/facts';
import { validCatalogueJson, validMeasureRulesJson } from '../../rules/testing';
import type { AuditService } from '../audit/audit.service';
import type { RecordsService } from '../records/records.service';
import type { SubjectsService } from '../subjects/subjects.service';
import { MeasuresReplay } from './measures-replay';

/** The audit trail holds one check of 2026-11-10 in scenario `awards` for a red-listed party. */
function replayOfOneAwardsCheck(): MeasuresReplay {
  const check = {
    checkId: 'c-1',
    checkedAt: '2026-11-10T02:00:00.000Z',
    asOf: '2026-11-10',
    caller: 'awards-system',
    scenario: 'awards',
    verdict: 'reward',
    transaction: { reference: 'R-1' },
    parties: [{ subjectId: 's-1', identifier: { code: '91500110MA8EEY8N48' }, role: 'nominee', tiers: [] }],
  };
  const redList: FactRecord = {
    type: 'list_entry',
    industry: 'general',
    listType: 'red_list',
    decisionDate: '2026-09-01',
    status: 'active',
  };
  const audit = {
    list: (_f: unknown, after: number) => Promise.resolve({ items: after === 0 ? [{ seq: 1, response: check }] : [] }),
  };
  const subjects = {
    findRefs: () =>
      Promise.resolve(new Map([['s-1', { id: 's-1', kind: 'legal_person', registeredOn: '2015-01-01' }]])),
  };
  const records = { recordsInForceFor: () => Promise.resolve(new Map([['s-1', [redList]]])) };
  return new MeasuresReplay(
    audit as unknown as AuditService,
    subjects as unknown as SubjectsService,
    records as unknown as RecordsService,
  );
}

describe('replaying past checks against a measures draft', () => {
  it('a check whose scenario the active measures no longer have passes under them (as under a draft without it): the replay answers, naming the check the draft changes', async () => {
    const withAwards = parseMeasures(validCatalogueJson(), validMeasureRulesJson());
    const cat = validCatalogueJson() as {
      scenarios: Array<{ code: string }>;
      measures: Array<{ scenarios: string[] }>;
    };
    cat.scenarios = cat.scenarios.filter((s) => s.code !== 'awards');
    for (const m of cat.measures) m.scenarios = m.scenarios.filter((s) => s !== 'awards');
    const withoutAwards = parseMeasures(cat, validMeasureRulesJson());

    const replay = replayOfOneAwardsCheck();
    const forward = await replay.replay(withoutAwards, withAwards, '2026-11-01', '2026-12-01');
    expect(forward.replayed).toBe(1);
    expect(forward.changed).toEqual([
      expect.objectContaining({
        checkId: 'c-1',
        scenario: 'awards',
        answered: 'reward',
        active: 'pass',
        draft: 'reward',
      }),
    ]);

    const back = await replay.replay(withAwards, withoutAwards, '2026-11-01', '2026-12-01');
    expect(back.changed).toEqual([expect.objectContaining({ checkId: 'c-1', active: 'reward', draft: 'pass' })]);
  });

  it('a party no subject was registered for is of the kind its code says, as the check took it (an individual business, not a legal person)', async () => {
    const check = {
      checkId: 'c-2',
      checkedAt: '2026-11-10T02:00:00.000Z',
      asOf: '2026-11-10',
      caller: 'land-system',
      scenario: 'land',
      verdict: 'restrict',
      transaction: { reference: 'R-2' },
      parties: [{ subjectId: null, identifier: { code: '92500110MA5UXXXX4N' }, role: 'transferee', tiers: [] }],
    };
    const audit = {
      list: (_f: unknown, after: number) =>
        Promise.resolve({ items: after === 0 ? [{ seq: 1, response: check }] : [] }),
    };
    const none = { findRefs: () => Promise.resolve(new Map()), recordsInForceFor: () => Promise.resolve(new Map()) };
    const replay = new MeasuresReplay(
      audit as unknown as AuditService,
      none as unknown as SubjectsService,
      none as unknown as RecordsService,
    );
    const rules = validMeasureRulesJson() as { rules: unknown[] };
    rules.rules.push({
      name: 'individual-business-land',
      conditions: { all: [{ fact: 'subjectKind', operator: 'equal', value: 'individual_business' }] },
      event: { type: 'measure', params: { measure: 'limit', reason: 'r', reasonZh: '理由' } },
    });
    const active = parseMeasures(validCatalogueJson(), rules);
    const draft = parseMeasures(validCatalogueJson(), validMeasureRulesJson());
    const r = await replay.replay(active, draft, '2026-11-01', '2026-12-01');
    expect(r.changed).toEqual([
      expect.objectContaining({ checkId: 'c-2', answered: 'restrict', active: 'restrict', draft: 'pass' }),
    ]);
  });
});
