import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InstallationSchema, OFFICE_STAFF, type Installation } from '@wahl/contracts';
import { Allow } from '../../platform/auth/access.decorator';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { isLoopbackUrl } from '../../platform/config/public-address';
import { ApiResponseFrom } from '../../platform/openapi/zod-openapi';

@ApiTags('installation')
@Controller('installation')
export class InstallationController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The screens that print links (access codes, polling cards) warn while those links point to the server itself. */
  @Allow(...OFFICE_STAFF)
  @Get()
  @ApiOperation({ summary: 'Angaben zur Installation für die Screens des Wahlamts (öffentliche Adresse)' })
  @ApiResponseFrom(200, InstallationSchema)
  installation(): Installation {
    return { publicBaseUrl: this.config.publicBaseUrl, publicBaseUrlIsLoopback: isLoopbackUrl(this.config.publicBaseUrl) };
  }
}
