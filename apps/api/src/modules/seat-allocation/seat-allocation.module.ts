import { Module } from '@nestjs/common';
import { SEAT_ALLOCATION_RATE_LIMITER, SeatAllocationRateLimitGuard, seatAllocationRateLimiter } from './seat-allocation-rate-limit.guard';
import { SeatAllocationController } from './seat-allocation.controller';
import { SeatAllocationService } from './seat-allocation.service';

@Module({
  controllers: [SeatAllocationController],
  providers: [
    SeatAllocationService,
    SeatAllocationRateLimitGuard,
    { provide: SEAT_ALLOCATION_RATE_LIMITER, useFactory: seatAllocationRateLimiter },
  ],
  exports: [SeatAllocationService],
})
export class SeatAllocationModule {}
