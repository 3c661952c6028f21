import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { electionDefinitionJsonSchema } from '@wahl/domain';
import { Public } from '../../platform/auth/access.decorator';

@ApiTags('schemas')
@Controller('schemas')
export class SchemasController {
  /** JSON Schema (draft 2020-12) of the election definition document, for editors and tools. */
  @Public()
  @Get('election.json')
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  electionSchema() {
    return JSON.stringify(electionDefinitionJsonSchema());
  }
}
