import { ApprovalSystemAdapter, arr, MappedCheck, mappedCheck, num, obj, partyOf, str } from '../approval-system.port';

/** A payload of this system as documented below (the OpenAPI example, mapped in the adapter spec). */
export const PROCUREMENT_PAYLOAD_EXAMPLE = {
  procurementNo: 'QJCG-2026-0078',
  procurementMethod: '公开招标',
  budgetAmount: 860000,
  purchaser: { orgName: '重庆市綦江区人民医院', creditCode: '91500110MA8EEY8N48' },
  suppliers: [{ supplierName: '厦门某医疗器械有限公司', creditCode: '91350200776049653A' }],
  handler: 'qjcg-li',
};

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
  readonly example = PROCUREMENT_PAYLOAD_EXAMPLE;
  readonly description = 'Government procurement management system (政府采购管理系统)';

  toCheck(payload: unknown): MappedCheck {
    const p = obj(payload, 'body');
    return mappedCheck(
      {
        scenario: 'government_procurement',
        transaction: {
          reference: str(p.procurementNo, 'procurementNo')!,
          kind: str(p.procurementMethod, 'procurementMethod', true),
          amount: num(p.budgetAmount, 'budgetAmount'),
        },
        operator: str(p.handler, 'handler', true),
      },
      [
        ...(p.purchaser === undefined
          ? []
          : [partyOf(p.purchaser, 'purchaser', 'purchaser', 'creditCode', 'idNo', 'orgName')]),
        ...arr(p.suppliers, 'suppliers').map((s, i) =>
          partyOf(s, `suppliers[${i}]`, 'supplier', 'creditCode', 'idNo', 'supplierName'),
        ),
      ],
      {
        'transaction.reference': 'procurementNo',
        'transaction.kind': 'procurementMethod',
        'transaction.amount': 'budgetAmount',
        operator: 'handler',
        parties: 'suppliers',
      },
    );
  }
}
