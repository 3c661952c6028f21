import { Module } from '@nestjs/common';
import { ProblemsController } from './problems.controller';

/** Documents the API's error codes at the URIs that problem answers name as their `type`. */
@Module({ controllers: [ProblemsController] })
export class ProblemsModule {}
