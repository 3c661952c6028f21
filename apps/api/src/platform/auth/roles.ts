// Roles and the caller are part of the wire contract (GET /api/auth/me answers an Actor); re-exported
// here so that guards, decorators and services keep one import for them.
export { OFFICE_STAFF, ROLES, type Actor, type Role } from '@wahl/contracts';
