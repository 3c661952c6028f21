import { AppError } from '../../../platform/errors/app-error';
import type { RegisterImportOptions } from './register-import.service';
import { REGISTER_ENCODINGS, type RegisterEncodingOption } from './register-text-decoder';

export function option(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Query or form field values → options; a wrong value is a 422 with the allowed values. */
export function importOptions(source: { encoding?: string; skipInvalid?: string }): RegisterImportOptions {
  const encoding = (source.encoding ?? 'auto').toLowerCase();
  if (!(REGISTER_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new AppError('VALIDATION_FAILED', 'Unbekannte Kodierung.', [
      { path: '$.encoding', message: `Erlaubt sind ${REGISTER_ENCODINGS.join(', ')}.` },
    ]);
  }
  const skip = (source.skipInvalid ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(skip)) {
    throw new AppError('VALIDATION_FAILED', 'Ungültiger Wert für skipInvalid.', [
      { path: '$.skipInvalid', message: 'Erlaubt sind true und false.' },
    ]);
  }
  return { encoding: encoding as RegisterEncodingOption, skipInvalid: skip === 'true' || skip === '1' };
}
