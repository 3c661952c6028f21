import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ElectionReadModelModule } from '../elections/read-model/election-read-model.module';
import { PublicationModule } from '../publication/publication.module';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhooksController } from './webhooks.controller';
import { WEBHOOKS_ENTITIES } from './webhooks.entities';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Webhooks for the press and partners: subscribers, signed deliveries of every published version as jobs, the log. */
@Module({
  imports: [TypeOrmModule.forFeature([...WEBHOOKS_ENTITIES]), ElectionReadModelModule, PublicationModule],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhooksService, WebhookDeliveryService],
})
export class WebhooksModule {}
