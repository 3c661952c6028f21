import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthSchema, type Health } from '@wahl/contracts';
import type { Response } from 'express';
import { MIGRATIONS } from '../../../../../migrations';
import { Public } from '../../platform/auth/access.decorator';
import { ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { HealthRepository } from './health.repository';

const TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly repository: HealthRepository) {}

  @Public()
  @Get()
  @ApiResponseFrom(200, HealthSchema)
  @ApiResponseFrom(503, HealthSchema, 'Database down or migrations pending')
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    try {
      const appliedCount = await Promise.race([
        this.repository.appliedMigrations(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)),
      ]);
      const pending = MIGRATIONS.length - appliedCount;
      if (pending > 0) response.status(503);
      return { status: pending > 0 ? 'migrations-pending' : 'ok', database: 'up', migrations: { applied: appliedCount, pending } };
    } catch {
      response.status(503);
      return { status: 'unavailable', database: 'down' };
    }
  }
}
