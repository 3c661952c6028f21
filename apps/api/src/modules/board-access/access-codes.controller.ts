import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import type { Actor } from '../../platform/auth/roles';
import { ApiBodyFrom } from '../../platform/openapi/zod-openapi';
import { ZodBodyPipe } from '../../platform/validation/zod-body.pipe';
import { SESSION_COOKIE } from '../identity/access.guard';
import { codeIdPipe, ProblemResponses } from '../elections/read-model/election-routes.openapi';
import { ElectionParam, electionIdPipe } from '../../platform/openapi/route-params';
import { generateCodesSchema, signInSchema, type GenerateCodesBody, type SignInBody } from '@wahl/contracts';
import { AccessCodesService } from './access-codes.service';

const CODES_FLOW =
  'Codes werden nur einmal im Klartext ausgegeben – gespeichert wird nur ihr Hash. Deshalb gibt es kein späteres Herunterladen: ' +
  'entweder `POST …/board-codes` (JSON mit den Codes, z. B. zum Anzeigen) oder `POST …/board-codes.pdf` (erzeugt die Codes und liefert sie nur im PDF-Bogen für die Wahlkoffer). ' +
  'Ein verlorener Bogen: Codes mit `replaceExisting: true` für die betroffenen Bezirke neu erzeugen (die alten werden gesperrt) oder einzeln sperren.';

@ApiTags('election-night: board access')
@Controller('elections/:electionId')
export class AccessCodesController {
  constructor(private readonly codes: AccessCodesService) {}

  @Allow('office-admin', 'clerk')
  @Post('board-codes')
  @ApiOperation({ summary: 'Zugangscodes für Wahlvorstände erzeugen (einmalige Anzeige)', description: CODES_FLOW })
  @ElectionParam()
  @ApiBodyFrom(generateCodesSchema, undefined, { required: false })
  @ApiResponse({
    status: 201,
    description: '`{ electionId, createdAt, codes: [{ id, code, signInUrl, districts: [{ id, number, name }] }], revokedCodes }`',
  })
  @ProblemResponses(401, 403, 404, 422)
  generate(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(generateCodesSchema)) body: GenerateCodesBody,
  ) {
    return this.codes.generate(actor, electionId, body);
  }

  @Allow('office-admin', 'clerk')
  @Post('board-codes.pdf')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Zugangscodes erzeugen und als PDF-Bogen für die Wahlkoffer erhalten (einmalig)',
    description: `${CODES_FLOW} Ein Block je Wahlbezirk: Bezirk, Wahlraum, Code, Anmeldeadresse.`,
  })
  @ElectionParam()
  @ApiBodyFrom(generateCodesSchema, undefined, { required: false })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 201, description: 'PDF (A4, drei Blöcke je Seite).' })
  @ProblemResponses(401, 403, 404, 422)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(generateCodesSchema)) body: GenerateCodesBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.codes.generatePdf(actor, electionId, body);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"`, length: pdf.length });
  }

  @Allow('office-admin', 'clerk')
  @Get('board-codes')
  @ApiOperation({ summary: 'Zugangscodes einer Wahl (ohne die Codes selbst)', description: 'Bezirke, erzeugt, gesperrt, Anmeldungen.' })
  @ElectionParam()
  @ApiOkResponse({ description: '`[{ id, districts, createdAt, revokedAt, signIns, lastSignInAt }]`' })
  @ProblemResponses(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.codes.list(actor, electionId);
  }

  @Allow('office-admin', 'clerk')
  @Post('board-codes/:codeId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Zugangscode sperren', description: 'Sperrt den Code und beendet alle damit geöffneten Sitzungen.' })
  @ElectionParam()
  @ProblemResponses(401, 403, 404)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('codeId', codeIdPipe) codeId: string,
  ) {
    return this.codes.revoke(actor, electionId, codeId);
  }
}

@ApiTags('election-night: board access')
@Controller('board')
export class BoardSignInController {
  constructor(private readonly codes: AccessCodesService) {}

  // Public by nature: the code is the credential. Failed attempts are limited per address.
  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Anmeldung eines Wahlvorstands mit Zugangscode',
    description:
      'Persönliche Anmeldung: Code wie auf dem Bogen (Groß-/Kleinschreibung, Leerzeichen und Bindestriche egal), der eigene Name und eine PIN (4–12 Ziffern). ' +
      'Bei der ersten Anmeldung mit einem Namen wird die PIN festgelegt und muss wiederholt werden (`pinRepeat`; fehlt sie: 409 `BOARD_PIN_SETUP_REQUIRED`); ' +
      'danach genügt die PIN (falsch: 401 `BOARD_SIGN_IN_FAILED`, gezählt wie ein falscher Code). ' +
      'Code und Name bestimmen die Person im Sinne des Vier-Augen-Prinzips: eine zweite Anmeldung desselben Mitglieds ist dieselbe Person. ' +
      'Antwort wie `POST /api/auth/login` (Token und Sitzungs-Cookie) plus Wahl und die Wahlbezirke, für die gemeldet werden darf.',
  })
  @ApiBodyFrom(signInSchema)
  @ApiOkResponse({
    description:
      '`{ token, expiresAt, user, election: { id, name, electionDay }, districts: [{ id, number, name, kind, pollingStation }] }`',
  })
  @ProblemResponses(401, 409, 422, 429)
  async signIn(
    @Body(new ZodBodyPipe(signInSchema)) body: SignInBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const session = await this.codes.signIn(body, request.ip ?? 'unknown');
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      expires: new Date(session.expiresAt),
      path: '/',
    });
    return session;
  }
}
