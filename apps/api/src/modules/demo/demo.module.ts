import { Module } from '@nestjs/common';
import { ElectionsModule } from '../elections/elections.module';
import { IdentityModule } from '../identity/identity.module';
import { RollModule } from '../roll/roll.module';
import { DemoSeedService } from './demo-seed.service';

/** Demo data for a fresh installation (WAHL_SEED_DEMO); start-up calls DemoSeedService after migrations. */
@Module({
  imports: [IdentityModule, ElectionsModule, RollModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
