import { applyDecorators, Get } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { Public } from '../../../platform/auth/access.decorator';

/**
 * A public GET route of one election's published data (`…/current`, `…/v/:version/…` and the rest):
 * its path and OpenAPI text, the parameters `electionId` and, on a versioned path, `version` (the
 * number `…/current` names), and what its 404 means. Route-specific parameters are decorated beside it.
 */
export const PublicElectionGet = (path: string, operation: { summary: string; description: string }, notFoundMeans: string) =>
  applyDecorators(
    Public(),
    Get(path),
    ApiOperation(operation),
    ApiParam({ name: 'electionId', format: 'uuid' }),
    ...(path.includes(':version') ? [ApiParam({ name: 'version', description: 'aus `…/current`' })] : []),
    ApiResponse({ status: 404, description: notFoundMeans }),
  );
