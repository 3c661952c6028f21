import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  SeatAllocationRequestSchema,
  SeatAllocationResultSchema,
  type SeatAllocationRequest,
  type SeatAllocationResult,
} from '@wahl/contracts';
import { Public } from '../../platform/auth/access.decorator';
import { ApiBodyFrom, ApiResponseFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
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
  @ApiBodyFrom(SeatAllocationRequestSchema)
  @ApiResponseFrom(200, SeatAllocationResultSchema)
  calculate(@Body(new ZodBodyPipe(SeatAllocationRequestSchema)) body: SeatAllocationRequest): SeatAllocationResult {
    return this.seatAllocation.calculate(body);
  }
}
