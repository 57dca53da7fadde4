import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CheckRequestDto } from '../modules/checks/dto/check-request.dto';
import { originOf, PayloadProblem } from './approval-system.port';
import { LandTransferAdapter } from './land-transfer/land-transfer.adapter';
import { ProcurementSystemAdapter } from './procurement/procurement-system.adapter';
import { TenderingPlatformAdapter } from './tendering/tendering-platform.adapter';

describe('approval system adapters', () => {
  it.each([new TenderingPlatformAdapter(), new ProcurementSystemAdapter(), new LandTransferAdapter()])(
    '$system: the documented example maps onto a valid check',
    async (adapter) => {
      const { request } = adapter.toCheck(adapter.example);
      expect(request.parties.length).toBeGreaterThan(0);
      expect(
        await validate(plainToInstance(CheckRequestDto, request), { whitelist: true, forbidNonWhitelisted: true }),
      ).toEqual([]);
    },
  );

  it('maps a tendering platform payload: tenderer and bidders, section in the reference', () => {
    const { request: check, origins } = new TenderingPlatformAdapter().toCheck({
      tenderProjectCode: 'P1',
      bidSectionCode: 'S2',
      tenderProjectName: '施工',
      controlPrice: '1000',
      tenderer: { name: '招标人', unifiedCode: '91500110MA8EEY8N48' },
      bidders: [
        { name: '甲', unifiedCode: '91350200776049653A' },
        { name: '乙', idCardNo: '11010519491231002X' },
      ],
    });
    expect(check).toEqual({
      scenario: 'tendering',
      transaction: { reference: 'P1/S2', kind: '施工', amount: 1000 },
      parties: [
        { code: '91500110MA8EEY8N48', role: 'tenderer', name: '招标人' },
        { code: '91350200776049653A', role: 'bidder', name: '甲' },
        { idNumber: '11010519491231002X', role: 'bidder', name: '乙' },
      ],
      operator: undefined,
    });
    // A field the check refuses is named as the platform wrote it.
    expect(originOf('parties[2].idNumber', origins)).toBe('bidders[1].idCardNo');
    expect(originOf('parties[0].code', origins)).toBe('tenderer.unifiedCode');
    expect(originOf('parties[1]', origins)).toBe('bidders[0]');
    expect(originOf('parties', origins)).toBe('bidders');
    expect(originOf('transaction.amount', origins)).toBe('controlPrice');
    expect(originOf('scenario', origins)).toBe('scenario');
  });

  it('maps procurement suppliers and land-transfer applicants', () => {
    const p = new ProcurementSystemAdapter().toCheck({
      procurementNo: 'CG1',
      budgetAmount: 5,
      purchaser: { orgName: '采购人', creditCode: '91500110MA8EEY8N48' },
      suppliers: [{ supplierName: '丙', creditCode: '91350200776049653A' }],
    });
    expect(p.request.scenario).toBe('government_procurement');
    expect(p.request.parties).toEqual([
      { code: '91500110MA8EEY8N48', role: 'purchaser', name: '采购人' },
      { code: '91350200776049653A', role: 'supplier', name: '丙' },
    ]);
    expect(originOf('parties[1].name', p.origins)).toBe('suppliers[0].supplierName');
    expect(originOf('parties[0].name', p.origins)).toBe('purchaser.orgName');
    const l = new LandTransferAdapter().toCheck({
      parcelNo: 'G1',
      applicants: [{ name: '丁', usci: '91350200776049653A' }],
    });
    expect(l.request).toMatchObject({
      scenario: 'land_transfer',
      transaction: { reference: 'G1' },
      parties: [{ role: 'transferee' }],
    });
    expect(originOf('parties[0].code', l.origins)).toBe('applicants[0].usci');
    expect(originOf('transaction.reference', l.origins)).toBe('parcelNo');
  });

  it('names the field of a malformed payload', () => {
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as PayloadProblem).field;
      }
      return 'no error';
    };
    expect(bad(() => new TenderingPlatformAdapter().toCheck({ bidders: [] }))).toBe('tenderProjectCode');
    expect(
      bad(() => new TenderingPlatformAdapter().toCheck({ tenderProjectCode: 'x', bidders: [{ name: 'a' }] })),
    ).toBe('bidders[0].unifiedCode');
    expect(bad(() => new ProcurementSystemAdapter().toCheck({ procurementNo: 'x', suppliers: 'no' }))).toBe(
      'suppliers',
    );
    expect(bad(() => new LandTransferAdapter().toCheck({ parcelNo: 'x', startingPrice: 'abc', applicants: [] }))).toBe(
      'startingPrice',
    );
    expect(bad(() => new LandTransferAdapter().toCheck([]))).toBe('body');
  });
});
