import { ApprovalSystemAdapter, arr, CheckRequestShape, num, obj, partyOf, str } from '../approval-system.port';

/**
 * A government procurement management system (政府采购管理系统), before award (财库〔2016〕125号: the
 * check runs from the notice to the bid deadline; the result at evaluation prevails).
 * Assumed payload:
 *   { "procurementNo": "QJCG-2026-0078", "procurementMethod": "公开招标", "budgetAmount": 860000,
 *     "purchaser": { "orgName": "…", "creditCode": "…" },
 *     "suppliers": [{ "supplierName": "…", "creditCode"?: "…", "idNo"?: "…" }], "handler"?: "…" }
 */
export class ProcurementSystemAdapter extends ApprovalSystemAdapter {
  readonly system = 'procurement-system';
  readonly description = 'Government procurement management system (政府采购管理系统)';

  toCheck(payload: unknown): CheckRequestShape {
    const p = obj(payload, 'body');
    const rename = (o: unknown, field: string, key: string) => ({ ...obj(o, field), name: obj(o, field)[key] });
    return {
      scenario: 'government_procurement',
      transaction: { reference: str(p.procurementNo, 'procurementNo')!, kind: str(p.procurementMethod, 'procurementMethod', true), amount: num(p.budgetAmount, 'budgetAmount') },
      parties: [
        ...(p.purchaser === undefined ? [] : [partyOf(rename(p.purchaser, 'purchaser', 'orgName'), 'purchaser', 'purchaser', 'creditCode', 'idNo')]),
        ...arr(p.suppliers, 'suppliers').map((s, i) => partyOf(rename(s, `suppliers[${i}]`, 'supplierName'), `suppliers[${i}]`, 'supplier', 'creditCode', 'idNo')),
      ],
      operator: str(p.handler, 'handler', true),
    };
  }
}
