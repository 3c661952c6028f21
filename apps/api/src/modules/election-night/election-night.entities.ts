import { AuditEntryEntity } from './entities/audit-entry.entity';
import { AuditHeadEntity } from './entities/audit-head.entity';
import { AuditPendingEntity } from './entities/audit-pending.entity';
import { BoardAccessCodeEntity } from './entities/board-access-code.entity';
import { DistrictReportStateEntity } from './entities/district-report-state.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { ReportVersionEntity } from './entities/report-version.entity';

export const ELECTION_NIGHT_ENTITIES = [
  BoardAccessCodeEntity,
  ReportVersionEntity,
  DistrictReportStateEntity,
  IdempotencyRecordEntity,
  AuditPendingEntity,
  AuditEntryEntity,
  AuditHeadEntity,
] as const;
