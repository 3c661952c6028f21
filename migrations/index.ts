import { InitialIdentity1795405569201 } from './1795405569201-InitialIdentity';
import { AddElections1795406393373 } from './1795406393373-AddElections';
import { AddElectionNight1795407583646 } from './1795407583646-AddElectionNight';
import { AddCouncilCount1795407750942 } from './1795407750942-AddCouncilCount';
import { AddPublication1795408487461 } from './1795408487461-AddPublication';
import { AddRoll1795408920976 } from './1795408920976-AddRoll';
import { PollingCards1795410218187 } from './1795410218187-PollingCards';
import { SlimRegisterRows1795411667312 } from './1795411667312-SlimRegisterRows';
import { AddPostalVoting1795412102635 } from './1795412102635-AddPostalVoting';
import { SharedRateLimits1796585508175 } from './1796585508175-SharedRateLimits';
import { AddBoardMembers1796585552200 } from './1796585552200-AddBoardMembers';
import { AddPostalRepeatNotices1796585889200 } from './1796585889200-AddPostalRepeatNotices';
import { RegisterPullSources1796585996254 } from './1796585996254-RegisterPullSources';
import { AddRetention1796590305969 } from './1796590305969-AddRetention';
import { RollEntriesReferenceRows1796591513526 } from './1796591513526-RollEntriesReferenceRows';
import { AddAreas1796592294372 } from './1796592294372-AddAreas';
import { JobsOnPgBoss1796592342023 } from './1796592342023-JobsOnPgBoss';
import { AddPublicationReleases1796592389190 } from './1796592389190-AddPublicationReleases';
import { AddOfficePublicLinks1796593437909 } from './1796593437909-AddOfficePublicLinks';
import { AddPollingDay1796594403688 } from './1796594403688-AddPollingDay';
import { AddWebhooks1796602026114 } from './1796602026114-AddWebhooks';
import { AddElectionRecords1796602089545 } from './1796602089545-AddElectionRecords';
import { AddPollWorkers1796602282659 } from './1796602282659-AddPollWorkers';
import { AddRollClosing1796602423997 } from './1796602423997-AddRollClosing';
import { AddPollWorkerDuties1796603571876 } from './1796603571876-AddPollWorkerDuties';
import { AddRehearsalPhase1796603614954 } from './1796603614954-AddRehearsalPhase';
import { AddDistrictMaps1796603694746 } from './1796603694746-AddDistrictMaps';
import { AddPasswordResets1796605912142 } from './1796605912142-AddPasswordResets';
import { AddSignIns1796613963839 } from './1796613963839-AddSignIns';
import { AddCheckCodeAndPreviousTurnout1796613964899 } from './1796613964899-AddCheckCodeAndPreviousTurnout';
import { AddAccountAdministration1796619624759 } from './1796619624759-AddAccountAdministration';
import { PublicRecordAsRows1796625648219 } from './1796625648219-PublicRecordAsRows';

// Every migration in order; the data source takes this list (no globs, so builds stay explicit).
// Written by `npm run db:generate`.
export const MIGRATIONS: readonly Function[] = [
  InitialIdentity1795405569201,
  AddElections1795406393373,
  AddElectionNight1795407583646,
  AddCouncilCount1795407750942,
  AddPublication1795408487461,
  AddRoll1795408920976,
  PollingCards1795410218187,
  SlimRegisterRows1795411667312,
  AddPostalVoting1795412102635,
  SharedRateLimits1796585508175,
  AddBoardMembers1796585552200,
  AddPostalRepeatNotices1796585889200,
  RegisterPullSources1796585996254,
  AddRetention1796590305969,
  RollEntriesReferenceRows1796591513526,
  AddAreas1796592294372,
  JobsOnPgBoss1796592342023,
  AddPublicationReleases1796592389190,
  AddOfficePublicLinks1796593437909,
  AddPollingDay1796594403688,
  AddWebhooks1796602026114,
  AddElectionRecords1796602089545,
  AddPollWorkers1796602282659,
  AddRollClosing1796602423997,
  AddPollWorkerDuties1796603571876,
  AddRehearsalPhase1796603614954,
  AddDistrictMaps1796603694746,
  AddPasswordResets1796605912142,
  AddSignIns1796613963839,
  AddCheckCodeAndPreviousTurnout1796613964899,
  AddAccountAdministration1796619624759,
  PublicRecordAsRows1796625648219,
];
