import { Module } from '@nestjs/common';
import { SeatAllocationRateLimitGuard } from './seat-allocation-rate-limit.guard';
import { SeatAllocationController } from './seat-allocation.controller';
import { SeatAllocationService } from './seat-allocation.service';

@Module({
  controllers: [SeatAllocationController],
  providers: [SeatAllocationService, SeatAllocationRateLimitGuard],
  exports: [SeatAllocationService],
})
export class SeatAllocationModule {}
