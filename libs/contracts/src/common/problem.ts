import { z } from 'zod';

/** Where the documentation of an error code lives; the problem `type` of every answer with that code. */
export const problemTypeUri = (code: string): string => `/api/problems/${code}`;

export const FieldErrorSchema = z.object({
  /** JSON path of the offending value, e.g. `$.districts[3].number`. */
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 application/problem+json, as every error of the API is answered. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(FieldErrorSchema).readonly().optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
