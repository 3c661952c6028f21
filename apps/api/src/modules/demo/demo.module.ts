import { Module } from '@nestjs/common';
import { ElectionsModule } from '../elections/elections.module';
import { IdentityModule } from '../identity/identity.module';
import { RollModule } from '../roll/roll.module';
import { DemoSeedService } from './demo-seed.service';
import { DemoRepository } from './demo.repository';

/** Demo data for a fresh installation (WAHL_SEED_DEMO); start-up calls DemoSeedService after migrations. */
@Module({
  imports: [IdentityModule, ElectionsModule, RollModule],
  providers: [DemoSeedService, DemoRepository],
  exports: [DemoSeedService],
})
export class DemoModule {}
