import { Global, Module } from '@nestjs/common';
import { PublicationModule } from '../../modules/publication/publication.module';
import { PublicGateway } from './public.gateway';
import { RealtimeGateway } from './realtime.gateway';

/**
 * The one gateway module: one socket.io server (path `/socket.io`, Redis adapter when configured)
 * with two namespaces – `/office` (RealtimeGateway, signed-in staff) and `/public` (PublicGateway,
 * anonymous). Both subscribe to the modules' in-process events.
 */
@Global()
@Module({ imports: [PublicationModule], providers: [RealtimeGateway, PublicGateway], exports: [RealtimeGateway] })
export class RealtimeModule {}
