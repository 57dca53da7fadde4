import type { ApplicationRow } from './repair.store';

/** A repair application as the API answers it (free text was scrubbed of ID numbers when stored). */
export interface RepairApplicationView {
  readonly id: string;
  readonly recordId: string;
  readonly subjectId: string;
  readonly decisionNumber: string;
  readonly department: string;
  readonly status: ApplicationRow['status'];
  readonly applicant: { readonly kind: ApplicationRow['applicantKind']; readonly name: string };
  readonly commitment: string;
  readonly reason: string;
  readonly evidence: readonly string[];
  readonly earliestRepairDate: string | null;
  readonly appliedOn: string;
  readonly commitmentRecordId: string | null;
  readonly decidedOn: string | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly caller: string | null;
  readonly decidedCaller: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toApplicationView(r: ApplicationRow): RepairApplicationView {
  return {
    id: r.id,
    recordId: r.recordId,
    subjectId: r.subjectId,
    decisionNumber: r.decisionNumber,
    department: r.department,
    status: r.status,
    applicant: { kind: r.applicantKind, name: r.applicantName },
    commitment: r.commitment,
    reason: r.reason,
    evidence: r.evidence,
    earliestRepairDate: r.earliestRepairDate,
    appliedOn: r.appliedOn,
    commitmentRecordId: r.commitmentRecordId,
    decidedOn: r.decidedOn,
    decidedBy: r.decidedBy,
    decisionReason: r.decisionReason,
    caller: r.caller,
    decidedCaller: r.decidedCaller,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
