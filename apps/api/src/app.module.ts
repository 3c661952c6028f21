import { type DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './platform/config/app-config';
import { dataSourceOptions } from './platform/database/data-source-options';
import { DatabaseModule } from './platform/database/database.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { RateLimitsModule } from './platform/rate-limits/rate-limits.module';
import { RealtimeModule } from './platform/realtime/realtime.module';
import { ProblemsModule } from './modules/problems/problems.module';
import { DemoModule } from './modules/demo/demo.module';
import { AggregationModule } from './modules/aggregation/aggregation.module';
import { AuditModule } from './modules/audit/audit.module';
import { BoardAccessModule } from './modules/board-access/board-access.module';
import { CouncilCountModule } from './modules/council-count/council-count.module';
import { ElectionsModule } from './modules/elections/elections.module';
import { ElectionReadModelModule } from './modules/elections/read-model/election-read-model.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { InstallationModule } from './modules/installation/installation.module';
import { PollingCardsModule } from './modules/polling-cards/polling-cards.module';
import { PostalVotingModule } from './modules/postal-voting/postal-voting.module';
import { PublicationModule } from './modules/publication/publication.module';
import { QuickReportsModule } from './modules/quick-reports/quick-reports.module';
import { DistrictLookupModule } from './modules/publication/district-lookup/district-lookup.module';
import { PublicAboutModule } from './modules/publication/about/public-about.module';
import { PollWorkersModule } from './modules/poll-workers/poll-workers.module';
import { PollingDayModule } from './modules/polling-day/polling-day.module';
import { RetentionModule } from './modules/retention/retention.module';
import { LettersModule } from './modules/poll-workers/letters/letters.module';
import { PaymentsModule } from './modules/poll-workers/payments/payments.module';
import { TrainingsModule } from './modules/poll-workers/trainings/trainings.module';
import { RollModule } from './modules/roll/roll.module';
import { SeatAllocationModule } from './modules/seat-allocation/seat-allocation.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { RehearsalModule } from './modules/rehearsal/rehearsal.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), autoLoadEntities: true, retryAttempts: 0 }),
        DatabaseModule,
        JobsModule,
        RateLimitsModule,
        // The one in-process event path: modules emit after commit, subscribers use @OnEvent.
        EventEmitterModule.forRoot(),
        RealtimeModule,
        HealthModule,
        InstallationModule,
        ProblemsModule,
        IdentityModule,
        ElectionsModule,
        ElectionReadModelModule,
        DemoModule,
        SeatAllocationModule,
        CouncilCountModule,
        // Election night along the data flow: board access → quick reports → aggregation → publication; audit beside.
        BoardAccessModule,
        PollingDayModule,
        QuickReportsModule,
        AggregationModule,
        AuditModule,
        PublicationModule,
        DistrictLookupModule,
        PublicAboutModule,
        WebhooksModule,
        RehearsalModule,
        RollModule,
        PollingCardsModule,
        PostalVotingModule,
        PollWorkersModule,
        // Poll workers' letters, trainings and refreshment money (issue #14).
        PaymentsModule,
        TrainingsModule,
        LettersModule,
        // After the election: deletion of personal data when its period has passed (R8.4).
        RetentionModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
