// Roles and office levels as plain constants (no zod): web bundles may import them as values.

export const ROLES = ['provider-admin', 'office-admin', 'clerk', 'board-member'] as const;
export type Role = (typeof ROLES)[number];

/** Staff of an election office (Wahlamt): the roles of the office's own screens. */
export const OFFICE_STAFF: readonly Role[] = ['office-admin', 'clerk'];

/** Roles an office user account can have (board members sign in with access codes, provider admins exist once). */
export const OFFICE_USER_ROLES = ['office-admin', 'clerk'] as const;
export type OfficeUserRole = (typeof OFFICE_USER_ROLES)[number];

export const OFFICE_LEVELS = ['municipality', 'county', 'constituency', 'land'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];
