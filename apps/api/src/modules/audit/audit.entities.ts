import { AuditEntryEntity } from './entities/audit-entry.entity';
import { AuditHeadEntity } from './entities/audit-head.entity';
import { AuditPendingEntity } from './entities/audit-pending.entity';

export const AUDIT_ENTITIES = [AuditPendingEntity, AuditEntryEntity, AuditHeadEntity] as const;
