import { AreaEntity } from './entities/area.entity';
import { CandidateEntity } from './entities/candidate.entity';
import { ContestListEntity } from './entities/contest-list.entity';
import { ContestEntity } from './entities/contest.entity';
import { DistrictMapEntity } from './entities/district-map.entity';
import { DistrictEntity } from './entities/district.entity';
import { ElectionEntity } from './entities/election.entity';
import { PollingStationEntity } from './entities/polling-station.entity';
import { PreviousResultEntity } from './entities/previous-result.entity';
import { StreetSegmentEntity } from './entities/street-segment.entity';
import { StreetEntity } from './entities/street.entity';

export const ELECTIONS_ENTITIES = [
  ElectionEntity,
  AreaEntity,
  PollingStationEntity,
  DistrictEntity,
  ContestEntity,
  ContestListEntity,
  CandidateEntity,
  StreetEntity,
  StreetSegmentEntity,
  PreviousResultEntity,
  DistrictMapEntity,
] as const;
