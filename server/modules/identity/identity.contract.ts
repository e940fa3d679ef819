/** What other modules may know of accounts and signing in. */
export type { AuthService } from './auth.service';
export type { UsersService } from './users.service';
