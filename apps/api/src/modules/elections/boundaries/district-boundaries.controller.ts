import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BoundariesImportRequestSchema,
  BoundariesPreviewSchema,
  type BoundariesImportRequest,
  type BoundariesPreview,
} from '@wahl/contracts';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { BodyLimit } from '../../../platform/validation/json-body';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { DistrictBoundariesService } from './district-boundaries.service';

const electionId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Wahl') });

/** District boundaries (GeoJSON) for the public map: preview, then apply. */
@ApiTags('elections')
@Controller('elections')
export class DistrictBoundariesController {
  constructor(private readonly boundaries: DistrictBoundariesService) {}

  /** What the file matches and every problem by feature and property; stores nothing. */
  @Allow('office-admin', 'clerk')
  @BodyLimit('32mb') // a city's boundaries in full detail
  @Post(':id/boundaries/preview')
  @ApiBodyFrom(BoundariesImportRequestSchema)
  @ApiResponseFrom(200, BoundariesPreviewSchema)
  @HttpCode(200)
  preview(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Body(new ZodBodyPipe(BoundariesImportRequestSchema)) body: BoundariesImportRequest,
  ): Promise<BoundariesPreview> {
    return this.boundaries.preview(actor, id, body);
  }

  /** Stores the boundaries and the simplified public map (or nothing, with the reasons); audited. */
  @Allow('office-admin', 'clerk')
  @BodyLimit('32mb')
  @Post(':id/boundaries/apply')
  @ApiBodyFrom(BoundariesImportRequestSchema)
  @ApiResponseFrom(200, BoundariesPreviewSchema)
  @HttpCode(200)
  apply(
    @CurrentActor() actor: Actor,
    @Param('id', electionId) id: string,
    @Body(new ZodBodyPipe(BoundariesImportRequestSchema)) body: BoundariesImportRequest,
  ): Promise<BoundariesPreview> {
    return this.boundaries.apply(actor, id, body);
  }
}
