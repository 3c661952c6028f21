import { DistrictReportStateEntity } from './entities/district-report-state.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { ReportVersionEntity } from './entities/report-version.entity';

export const QUICK_REPORTS_ENTITIES = [ReportVersionEntity, DistrictReportStateEntity, IdempotencyRecordEntity] as const;
