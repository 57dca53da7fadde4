import { ApprovalSystemAdapter, arr, MappedCheck, mappedCheck, num, obj, partyOf, str } from '../approval-system.port';

/** A payload of this system as documented below (the OpenAPI example, mapped in the adapter spec). */
export const TENDERING_PAYLOAD_EXAMPLE = {
  tenderProjectCode: '500110-2026-ZB-0412',
  tenderProjectName: '綦江区通惠大道改造工程施工',
  bidSectionCode: '01',
  controlPrice: 12500000,
  tenderer: { name: '重庆市綦江区交通运输委员会', unifiedCode: '91500110MA8EEY8N48' },
  bidders: [{ name: '重庆某建设工程有限公司', unifiedCode: '91350200776049653A' }],
  operatorId: 'qjzb-0412',
};

/**
 * A public resource trading platform's tendering section (公共资源交易平台·工程招投标), at bid opening.
 * Assumed payload (the field names such platforms use):
 *   { "tenderProjectCode": "500110-2026-ZB-0412", "tenderProjectName": "…", "bidSectionCode"?: "…",
 *     "tenderer": { "name": "…", "unifiedCode": "…" }, "bidders": [{ "name": "…", "unifiedCode": "…" }],
 *     "controlPrice"?: 12500000, "operatorId"?: "…" }
 */
export class TenderingPlatformAdapter extends ApprovalSystemAdapter {
  readonly system = 'tendering-platform';
  readonly example = TENDERING_PAYLOAD_EXAMPLE;
  readonly description = 'Public resource trading platform, tendering (公共资源交易平台·招标投标)';

  toCheck(payload: unknown): MappedCheck {
    const p = obj(payload, 'body');
    const project = str(p.tenderProjectCode, 'tenderProjectCode')!;
    const section = str(p.bidSectionCode, 'bidSectionCode', true);
    return mappedCheck(
      {
        scenario: 'tendering',
        transaction: {
          reference: section ? `${project}/${section}` : project,
          kind: str(p.tenderProjectName, 'tenderProjectName', true),
          amount: num(p.controlPrice, 'controlPrice'),
        },
        operator: str(p.operatorId, 'operatorId', true),
      },
      [
        ...(p.tenderer === undefined ? [] : [partyOf(p.tenderer, 'tenderer', 'tenderer', 'unifiedCode', 'idCardNo')]),
        ...arr(p.bidders, 'bidders').map((b, i) => partyOf(b, `bidders[${i}]`, 'bidder', 'unifiedCode', 'idCardNo')),
      ],
      {
        'transaction.reference': 'tenderProjectCode',
        'transaction.kind': 'tenderProjectName',
        'transaction.amount': 'controlPrice',
        operator: 'operatorId',
        parties: 'bidders',
      },
    );
  }
}
