import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CloseRollSchema, RollClosingSchema, type CloseRoll, type RollClosing } from '@wahl/contracts';
import type { Response } from 'express';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { OFFICE_STAFF, type Actor } from '../../../platform/auth/roles';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../roll.openapi';
import { RollClosingService } from './roll-closing.service';

@ApiTags('roll')
@Controller('elections/:electionId/roll')
export class RollClosingController {
  constructor(private readonly closings: RollClosingService) {}

  @Allow('office-admin')
  @Post('close')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wählerverzeichnis abschließen und bescheinigen (R1.21, BWO § 24(1))',
    description:
      'Frühestens am 3. Tag vor der Wahl (oder dem abweichend festgelegten Tag), einmal. Hält A1, A2 und A3 je Wahlbezirk fest; die Bescheinigung nennt Anzeigename und Funktion des angemeldeten Kontos (ohne Funktion → 422 `SIGNER_FUNCTION_MISSING`) und wird als PDF gespeichert. Danach erteilte Wahlscheine stehen in der Nachtragsliste „W“ (R1.16).',
  })
  @ElectionParam()
  @ApiBodyFrom(CloseRollSchema)
  @ApiResponseFrom(200, RollClosingSchema)
  @ProblemResponses(401, 403, 404, 409, 422)
  close(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(CloseRollSchema)) body: CloseRoll,
  ): Promise<RollClosing> {
    return this.closings.close(actor, electionId, body);
  }

  @Allow(...OFFICE_STAFF)
  @Get('closing')
  @ApiOperation({ summary: 'Die gespeicherte Abschlussbescheinigung: A1, A2, A3 je Wahlbezirk beim Abschluss' })
  @ElectionParam()
  @ApiResponseFrom(200, RollClosingSchema)
  @ProblemResponses(401, 403, 404, 409)
  closing(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string): Promise<RollClosing> {
    return this.closings.closing(actor, electionId);
  }

  @Allow(...OFFICE_STAFF)
  @Get('closing.pdf')
  @ApiOperation({ summary: 'Die Abschlussbescheinigung, wie beim Abschluss gedruckt (PDF)' })
  @ElectionParam()
  @ApiProduces('application/pdf')
  @ProblemResponses(401, 403, 404, 409)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const pdf = await this.closings.certificatePdf(actor, electionId);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'attachment; filename="abschlussbescheinigung.pdf"' });
  }
}
