import { Module } from '@nestjs/common';
import { PublicAboutController } from './public-about.controller';
import { PublicAboutRepository } from './public-about.repository';

/** The public page's facts about an election beside its results: the office's legal pages, the street directory's presence. */
@Module({
  controllers: [PublicAboutController],
  providers: [PublicAboutRepository],
})
export class PublicAboutModule {}
