import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../platform/auth/access.decorator';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { seatAllocationRequestSchema, type SeatAllocationRequest } from './dtos/seat-allocation.schemas';
import { SeatAllocationRateLimitGuard } from './seat-allocation-rate-limit.guard';
import { SeatAllocationService } from './seat-allocation.service';

@ApiTags('seat-allocation')
@Controller('seat-allocation')
export class SeatAllocationController {
  constructor(private readonly seatAllocation: SeatAllocationService) {}

  // Public: a calculator over numbers the caller sends; it reads and stores nothing.
  @Public()
  @UseGuards(SeatAllocationRateLimitGuard)
  @Post()
  @HttpCode(200)
  calculate(@Body(new ZodBodyPipe(seatAllocationRequestSchema)) body: SeatAllocationRequest) {
    return this.seatAllocation.calculate(body);
  }
}
