import { z } from 'zod';

/** A UUID as PostgreSQL's gen_random_uuid() makes them; the one pattern for every id on the wire. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);

export const UuidSchema = z.string().regex(UUID_PATTERN, 'Keine gültige Kennung.');
