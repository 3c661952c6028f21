import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../../../migrations';
import { Public } from '../../platform/auth/access.decorator';

const TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    try {
      const applied = await Promise.race([
        this.dataSource.query<{ count: string }[]>('SELECT count(*)::text AS count FROM typeorm_migrations'),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)),
      ]);
      const appliedCount = Number(applied[0]?.count ?? 0);
      const pending = MIGRATIONS.length - appliedCount;
      if (pending > 0) response.status(503);
      return { status: pending > 0 ? 'migrations-pending' : 'ok', database: 'up', migrations: { applied: appliedCount, pending } };
    } catch {
      response.status(503);
      return { status: 'unavailable', database: 'down' };
    }
  }
}
