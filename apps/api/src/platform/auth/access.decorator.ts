import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const ACCESS_KEY = 'wahl:access';
export type AccessRule = { readonly public: true } | { readonly public: false; readonly roles: readonly Role[] };

/** Every route declares who may call it; a route without a declaration is refused to everyone. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { public: false, roles } satisfies AccessRule);
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);
