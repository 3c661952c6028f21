import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  PostalLinkApplicationRequestSchema,
  PostalLinkLookupRequestSchema,
  PostalLinkLookupResponseSchema,
  PostalLinkVerifyRequestSchema,
  PostalNameApplicationRequestSchema,
  PostalPublicElectionListSchema,
  PostalReceiptSchema,
  PostalVerifiedVoterSchema,
  type PostalLinkApplicationRequest,
  type PostalLinkLookupRequest,
  type PostalLinkLookupResponse,
  type PostalLinkVerifyRequest,
  type PostalNameApplicationRequest,
  type PostalReceipt,
  type PostalVerifiedVoter,
} from '@wahl/contracts';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/access.decorator';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ProblemResponses } from '../../roll/roll.openapi';
import { sendJson } from '../../publication/http/cached-response';
import { ThrottledPublic } from '../../publication/http/dynamic-public';
import { PublicApplicationService } from './public-application.service';
import { BodyLimit } from '../../../platform/validation/json-body';

// The token travels in request bodies only, never in an API address: addresses end up in logs.
const clientAddress = (request: Request): string => request.ip ?? 'unknown';
const noStore = (response: Response): void => {
  response.setHeader('Cache-Control', 'no-store');
};

@ApiTags('postal-voting (public)')
@Controller('public/postal-voting')
export class PublicPostalController {
  constructor(private readonly service: PublicApplicationService) {}

  @Public()
  @Get('elections')
  @ThrottledPublic()
  @ApiOperation({ summary: 'Wahlen, für die online ein Wahlschein beantragt werden kann (ohne Code)' })
  @ApiResponseFrom(200, PostalPublicElectionListSchema)
  async elections(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendJson(request, response, await this.service.openElections());
  }

  @Public()
  @Post('link')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Code der Wahlbenachrichtigung prüfen (zeigt nur die Wahl, keine persönlichen Daten)',
    description: 'Fehlversuche werden je Adresse gezählt (R3.8).',
  })
  @ApiBodyFrom(PostalLinkLookupRequestSchema)
  @ApiResponseFrom(200, PostalLinkLookupResponseSchema)
  @ProblemResponses(404, 422)
  @ApiResponse({ status: 429, description: 'Zu viele Fehlversuche (Retry-After).' })
  lookup(
    @Body(new ZodBodyPipe(PostalLinkLookupRequestSchema)) body: PostalLinkLookupRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PostalLinkLookupResponse> {
    noStore(response);
    return this.service.lookup(body.token, clientAddress(request));
  }

  @Public()
  @Post('link/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Geburtsdatum zum Code bestätigen: zeigt Name und Anschrift zur Kontrolle und einen früheren Antrag',
    description: 'Falsche Geburtsdaten werden je Code (5 je Stunde) und je Adresse (20 je 15 Minuten) begrenzt und protokolliert.',
  })
  @ApiBodyFrom(PostalLinkVerifyRequestSchema)
  @ApiResponseFrom(200, PostalVerifiedVoterSchema)
  @ProblemResponses(404, 422)
  @ApiResponse({ status: 429, description: 'Zu viele Fehlversuche (Retry-After).' })
  verify(
    @Body(new ZodBodyPipe(PostalLinkVerifyRequestSchema)) body: PostalLinkVerifyRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PostalVerifiedVoter> {
    noStore(response);
    return this.service.verify(body, clientAddress(request));
  }

  @Public()
  @BodyLimit('8mb') // a scanned authority of up to 5 MB as base64 (BWO § 27(3))
  @Post('link/applications')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Wahlschein mit dem Code der Wahlbenachrichtigung beantragen',
    description:
      'Zweiter Antrag derselben Person: 409 mit dem Stand des ersten (`errors[0].code` = `already-received` / `already-issued`). Nach der Frist: 409 `deadline-passed`.',
  })
  @ApiBodyFrom(PostalLinkApplicationRequestSchema)
  @ApiResponseFrom(201, PostalReceiptSchema)
  @ProblemResponses(404, 409, 422)
  @ApiResponse({ status: 429, description: 'Zu viele Fehlversuche (Retry-After).' })
  applyWithLink(
    @Body(new ZodBodyPipe(PostalLinkApplicationRequestSchema)) body: PostalLinkApplicationRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PostalReceipt> {
    noStore(response);
    return this.service.applyWithLink(body, clientAddress(request));
  }

  @Public()
  @BodyLimit('8mb') // a scanned authority of up to 5 MB as base64 (BWO § 27(3))
  @Post('applications')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Wahlschein ohne Code beantragen: Name, Geburtsdatum und Anschrift müssen genau einen Eintrag treffen',
    description:
      'Kein oder mehrere Treffer: 422 `no-unique-match` (zählt als Fehlversuch der Adresse). Hat die Person schon einen Antrag, ist die ' +
      'Antwort dieselbe wie bei einem neuen (201, eigene Antragsnummer, nichts vom ersten Antrag); das Wahlamt benachrichtigt sie per Post oder E-Mail.',
  })
  @ApiBodyFrom(PostalNameApplicationRequestSchema)
  @ApiResponseFrom(201, PostalReceiptSchema)
  @ProblemResponses(404, 409, 422)
  @ApiResponse({ status: 429, description: 'Zu viele Fehlversuche (Retry-After).' })
  applyByName(
    @Body(new ZodBodyPipe(PostalNameApplicationRequestSchema)) body: PostalNameApplicationRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PostalReceipt> {
    noStore(response);
    return this.service.applyByName(body, clientAddress(request));
  }
}
