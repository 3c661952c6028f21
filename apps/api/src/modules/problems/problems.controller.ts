import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ERROR_CATALOG, isErrorCode, problemTypeUri } from '@wahl/contracts';
import { Public } from '../../platform/auth/access.decorator';
import { AppError } from '../../platform/errors/app-error';

const describe = (code: keyof typeof ERROR_CATALOG) => ({ code, type: problemTypeUri(code), ...ERROR_CATALOG[code] });

/** The documentation behind every problem `type`: one stable code, its status and its texts. */
@ApiTags('problems')
@Controller('problems')
export class ProblemsController {
  @Public()
  @Get()
  list() {
    return (Object.keys(ERROR_CATALOG) as (keyof typeof ERROR_CATALOG)[]).map(describe);
  }

  @Public()
  @Get(':code')
  one(@Param('code') code: string) {
    if (!isErrorCode(code)) throw new AppError('NOT_FOUND', 'Diesen Fehlercode gibt es nicht.');
    return describe(code);
  }
}
