import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** JSON Schema for the OpenAPI document, from the contract's zod schema. */
export const openApiSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** Documents a request body by the zod schema that validates it (ZodBodyPipe); `required: false` for an optional body. */
export const ApiBodyFrom = (schema: z.ZodType, description?: string, options: { required?: boolean } = {}) =>
  ApiBody({ schema: openApiSchema(schema, 'input'), description, ...options });

/** Documents a JSON answer by the contract's zod schema of the response. */
export const ApiResponseFrom = (status: number, schema: z.ZodType, description = 'OK') =>
  applyDecorators(ApiResponse({ status, description, content: { 'application/json': { schema: openApiSchema(schema, 'output') } } }));
