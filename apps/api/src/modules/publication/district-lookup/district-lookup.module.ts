import { Module } from '@nestjs/common';
import { DistrictLookupController } from './district-lookup.controller';
import { DistrictLookupRepository } from './district-lookup.repository';
import { DistrictLookupService } from './district-lookup.service';

/** "Find your district" for the public results page: street + house number → polling district (R2.4). */
@Module({
  controllers: [DistrictLookupController],
  providers: [DistrictLookupService, DistrictLookupRepository],
})
export class DistrictLookupModule {}
