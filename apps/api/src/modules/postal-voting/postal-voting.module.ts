import { A3Controller } from './office/a3.controller';
import { A3Service } from './office/a3.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionsModule } from '../elections/elections.module';
import { PollingCardsModule } from '../polling-cards/polling-cards.module';
import { RollModule } from '../roll/roll.module';
import { CertificateListsService } from './office/certificate-lists.service';
import { IssuingService } from './office/issuing.service';
import { OfficeApplicationsService } from './office/office-applications.service';
import { PostalFiguresService } from './office/postal-figures.service';
import { PostalOfficeController } from './office/postal-office.controller';
import { AccessThrottleService } from './public/access-throttle.service';
import { PublicApplicationService } from './public/public-application.service';
import { PublicPostalController } from './public/public-postal.controller';
import { ApplicationIntakeService } from './shared/application-intake.service';
import { ApplicationsRepository } from './shared/applications.repository';
import { AccessAttemptsRepository } from './shared/access-attempts.repository';
import { PostalElectionsRepository } from './shared/postal-elections.repository';
import { CertificatesRepository } from './shared/certificates.repository';
import { RepeatNoticesRepository } from './shared/repeat-notices.repository';
import { PostalElectionService } from './shared/postal-election.service';
import { PostalFiguresRepository } from './shared/postal-figures.repository';
import { POSTAL_VOTING_ENTITIES } from './postal-voting.entities';

/**
 * Postal voting (Briefwahl, DOMAIN.md R1.15, R1.16, R3.8, 4.1): the public online application through
 * the polling card's QR link (tokens: the polling-cards module's store) or by name, the office's work
 * queue, issuing certificates with "W" in the roll, invalid certificates and replacements, the
 * Nachtragsliste W.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...POSTAL_VOTING_ENTITIES]), ElectionsModule, RollModule, PollingCardsModule],
  controllers: [PublicPostalController, PostalOfficeController, A3Controller],
  providers: [
    PostalElectionsRepository,
    AccessAttemptsRepository,
    PostalElectionService,
    ApplicationsRepository,
    CertificatesRepository,
    RepeatNoticesRepository,
    ApplicationIntakeService,
    AccessThrottleService,
    PublicApplicationService,
    OfficeApplicationsService,
    IssuingService,
    CertificateListsService,
    PostalFiguresRepository,
    PostalFiguresService,
    A3Service,
  ],
})
export class PostalVotingModule {}
