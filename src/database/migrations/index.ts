import type { MigrationInterface } from 'typeorm';
import { CreateSubjects1764300000100 } from './1764300000100-CreateSubjects';
import { CreateCreditRecords1764300000200 } from './1764300000200-CreateCreditRecords';
import { CreateCreditTiers1764300000300 } from './1764300000300-CreateCreditTiers';
import { CreateAuditLog1764300000400 } from './1764300000400-CreateAuditLog';
import { CreateApiKeys1764300000500 } from './1764300000500-CreateApiKeys';
import { CreateCheckFeedback1764300000600 } from './1764300000600-CreateCheckFeedback';
import { CreatePackVersions1764300000700 } from './1764300000700-CreatePackVersions';
import { CreateInspectionPlans1764300000800 } from './1764300000800-CreateInspectionPlans';
import { CreateRepairApplications1764300000900 } from './1764300000900-CreateRepairApplications';
import { CreateAuditOutbox1764300001200 } from './1764300001200-CreateAuditOutbox';
import { AddApiKeyDepartment1764300001100 } from './1764300001100-AddApiKeyDepartment';
import { CreateDataQuality1764300001000 } from './1764300001000-CreateDataQuality';
import { FixNdrc36SectorWindows1764300001300 } from './1764300001300-FixNdrc36SectorWindows';
import { CreateScheduledRuns1764300001400 } from './1764300001400-CreateScheduledRuns';
import { TierHistoryRemovals1764300001500 } from './1764300001500-TierHistoryRemovals';
import { CourtDefaulterGround1796564780695 } from './1796564780695-CourtDefaulterGround';
import { CreateWebhooks1796567808926 } from './1796567808926-CreateWebhooks';
import { IndustryMembership1796572800000 } from './1796572800000-IndustryMembership';
import { CreditStateNotify1796576400000 } from './1796576400000-CreditStateNotify';
import { CreateJobs1796580000000 } from './1796580000000-CreateJobs';
import { WebhookDeliveriesByEvent1796583600000 } from './1796583600000-WebhookDeliveriesByEvent';
import { AuditAppendFunction1796587200000 } from './1796587200000-AuditAppendFunction';
import { IndustryByShape1796590800000 } from './1796590800000-IndustryByShape';
import { PublicCreditRating1796594400000 } from './1796594400000-PublicCreditRating';
import { JsonbLz41796598000000 } from './1796598000000-JsonbLz4';
import { AdminInfoRecords1796601600000 } from './1796601600000-AdminInfoRecords';
import { CreateGovernanceLedger1796605200000 } from './1796605200000-CreateGovernanceLedger';
import { CommitmentType1796612400000 } from './1796612400000-CommitmentType';

/** Every migration in order; the only source of the schema. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  CreateSubjects1764300000100,
  CreateCreditRecords1764300000200,
  CreateCreditTiers1764300000300,
  CreateAuditLog1764300000400,
  CreateApiKeys1764300000500,
  CreateCheckFeedback1764300000600,
  CreatePackVersions1764300000700,
  CreateInspectionPlans1764300000800,
  CreateRepairApplications1764300000900,
  CreateDataQuality1764300001000,
  AddApiKeyDepartment1764300001100,
  CreateAuditOutbox1764300001200,
  FixNdrc36SectorWindows1764300001300,
  CreateScheduledRuns1764300001400,
  TierHistoryRemovals1764300001500,
  CourtDefaulterGround1796564780695,
  CreateWebhooks1796567808926,
  IndustryMembership1796572800000,
  CreditStateNotify1796576400000,
  CreateJobs1796580000000,
  WebhookDeliveriesByEvent1796583600000,
  AuditAppendFunction1796587200000,
  IndustryByShape1796590800000,
  PublicCreditRating1796594400000,
  JsonbLz41796598000000,
  AdminInfoRecords1796601600000,
  CreateGovernanceLedger1796605200000,
  CommitmentType1796612400000,
];
