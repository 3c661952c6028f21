import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  BankAccountSchema,
  PaymentListSchema,
  PaymentSettingsSchema,
  sepaTransferSchema,
  setBankAccountSchema,
  setPaymentSettingsSchema,
  type SepaTransferBody,
  type SetBankAccountBody,
  type SetPaymentSettingsBody,
} from '@wahl/contracts';
import type { Response } from 'express';
import { Allow } from '../../../platform/auth/access.decorator';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ApiBodyFrom, ApiResponseFrom } from '../../../platform/openapi/zod-openapi';
import { ElectionParam, electionIdPipe } from '../../../platform/openapi/route-params';
import { ZodBodyPipe } from '../../../platform/validation/zod-body.pipe';
import { ProblemResponses } from '../../elections/read-model/election-routes.openapi';
import { PaymentsService } from './payments.service';

const personIdPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Die Person') });

/** Refreshment money of an election's board members (R7.19); the office's staff only. */
@ApiTags('poll workers: refreshment money')
@Controller('elections/:electionId/poll-workers')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Allow('office-admin', 'clerk')
  @Get('payment-settings')
  @ApiOperation({ summary: 'Erfrischungsgeld je Funktion und Konto der Gemeinde' })
  @ElectionParam()
  @ApiResponseFrom(200, PaymentSettingsSchema)
  @ProblemResponses(401, 403, 404)
  settings(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.payments.settings(actor, electionId);
  }

  @Allow('office-admin')
  @Put('payment-settings')
  @ApiOperation({ summary: 'Erfrischungsgeld je Funktion (Cent) und Konto der Gemeinde festlegen' })
  @ElectionParam()
  @ApiBodyFrom(setPaymentSettingsSchema)
  @ApiResponseFrom(200, PaymentSettingsSchema)
  @ProblemResponses(401, 403, 404, 422)
  saveSettings(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(setPaymentSettingsSchema)) body: SetPaymentSettingsBody,
  ) {
    return this.payments.saveSettings(actor, electionId, body);
  }

  @Allow('office-admin', 'clerk')
  @Put('people/:personId/bank-account')
  @ApiOperation({ summary: 'Bankverbindung eines Mitglieds für das Erfrischungsgeld (IBAN wird geprüft)' })
  @ElectionParam()
  @ApiBodyFrom(setBankAccountSchema)
  @ApiResponseFrom(200, BankAccountSchema)
  @ProblemResponses(401, 403, 404, 422)
  saveBankAccount(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Param('personId', personIdPipe) personId: string,
    @Body(new ZodBodyPipe(setBankAccountSchema)) body: SetBankAccountBody,
  ) {
    return this.payments.saveBankAccount(actor, electionId, personId, body);
  }

  @Allow('office-admin', 'clerk')
  @Get('payments')
  @ApiOperation({ summary: 'Auszahlungsliste (IBAN nur gekürzt)' })
  @ElectionParam()
  @ApiResponseFrom(200, PaymentListSchema)
  @ProblemResponses(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('electionId', electionIdPipe) electionId: string) {
    return this.payments.list(actor, electionId);
  }

  @Allow('office-admin', 'clerk')
  @Get('payments.csv')
  @ApiOperation({ summary: 'Auszahlungsliste als CSV (Semikolon, UTF-8)' })
  @ElectionParam()
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'CSV mit Bezirk, Funktion, Name, Betrag, Zahlweg, Kontoinhaber, IBAN und einer Summenzeile.' })
  @ProblemResponses(401, 403, 404)
  async csv(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { csv, fileName } = await this.payments.csv(actor, electionId);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Allow('office-admin')
  @Post('payments/sepa')
  @HttpCode(200)
  @ApiOperation({ summary: 'SEPA-Überweisungsdatei (pain.001.001.09) für alle Überweisungen der Auszahlungsliste' })
  @ElectionParam()
  @ApiBodyFrom(sepaTransferSchema)
  @ApiProduces('application/xml')
  @ApiResponse({ status: 200, description: 'ISO-20022-Nachricht pain.001.001.09 zum Hochladen im Online-Banking der Gemeinde.' })
  @ProblemResponses(401, 403, 404, 409, 422)
  async sepa(
    @CurrentActor() actor: Actor,
    @Param('electionId', electionIdPipe) electionId: string,
    @Body(new ZodBodyPipe(sepaTransferSchema)) body: SepaTransferBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { xml, fileName } = await this.payments.sepa(actor, electionId, body);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Buffer.from(xml, 'utf8'), {
      type: 'application/xml; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
