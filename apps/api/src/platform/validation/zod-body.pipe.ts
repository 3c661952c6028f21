import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError, type FieldError } from '../errors/app-error';
import './german-zod';

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: '$' + issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join(''),
    message: issue.message,
    code: issue.code,
  }));
}

/** Validates a request body against a zod schema; a bad body is a 422 problem listing every error. */
@Injectable()
export class ZodBodyPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', 'Die Anfrage enthält ungültige Angaben.', zodIssuesToFieldErrors(parsed.error.issues));
    }
    return parsed.data;
  }
}
