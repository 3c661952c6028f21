import { RegisterImportRejectEntity } from './entities/register-import-reject.entity';
import { RegisterImportEntity } from './entities/register-import.entity';
import { RegisterPullPageEntity } from './entities/register-pull-page.entity';
import { RegisterPullSourceEntity } from './entities/register-pull-source.entity';
import { RegisterRowEntity } from './entities/register-row.entity';
import { RollA3EntryEntity } from './entities/roll-a3-entry.entity';
import { RollAuditEntryEntity } from './entities/roll-audit-entry.entity';
import { RollChangeProposalEntity } from './entities/roll-change-proposal.entity';
import { RollEntryEntity } from './entities/roll-entry.entity';
import { RollClosingDistrictEntity } from './entities/roll-closing-district.entity';
import { RollClosingEntity } from './entities/roll-closing.entity';
import { RollEntity } from './entities/roll.entity';

export const ROLL_ENTITIES = [
  RegisterImportEntity,
  RegisterRowEntity,
  RegisterImportRejectEntity,
  RegisterPullPageEntity,
  RegisterPullSourceEntity,
  RollEntity,
  RollEntryEntity,
  RollChangeProposalEntity,
  RollAuditEntryEntity,
  RollClosingEntity,
  RollClosingDistrictEntity,
  RollA3EntryEntity,
] as const;
