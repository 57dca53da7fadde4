import { ApprovalSystemAdapter, arr, MappedCheck, mappedCheck, num, obj, partyOf, str } from '../approval-system.port';

/** A payload of this system as documented below (the OpenAPI example, mapped in the adapter spec). */
export const LAND_TRANSFER_PAYLOAD_EXAMPLE = {
  parcelNo: 'QJ2026-G-015',
  landUse: '商服用地',
  startingPrice: 35000000,
  applicants: [{ name: '重庆某置业有限公司', usci: '91350200776049653A' }],
  reviewer: 'qjtd-wang',
};

/**
 * A state land transfer system (国有建设用地使用权出让), at bidder qualification review (竞买资格审查).
 * Assumed payload:
 *   { "parcelNo": "QJ2026-G-015", "landUse": "商服用地", "startingPrice": 35000000,
 *     "applicants": [{ "name": "…", "usci"?: "…", "idCard"?: "…" }], "reviewer"?: "…" }
 */
export class LandTransferAdapter extends ApprovalSystemAdapter {
  readonly system = 'land-transfer';
  readonly example = LAND_TRANSFER_PAYLOAD_EXAMPLE;
  readonly description = 'State land transfer system (国有土地使用权出让)';

  toCheck(payload: unknown): MappedCheck {
    const p = obj(payload, 'body');
    return mappedCheck(
      {
        scenario: 'land_transfer',
        transaction: {
          reference: str(p.parcelNo, 'parcelNo')!,
          kind: str(p.landUse, 'landUse', true),
          amount: num(p.startingPrice, 'startingPrice'),
        },
        operator: str(p.reviewer, 'reviewer', true),
      },
      arr(p.applicants, 'applicants').map((a, i) => partyOf(a, `applicants[${i}]`, 'transferee', 'usci', 'idCard')),
      {
        'transaction.reference': 'parcelNo',
        'transaction.kind': 'landUse',
        'transaction.amount': 'startingPrice',
        operator: 'reviewer',
        parties: 'applicants',
      },
    );
  }
}
