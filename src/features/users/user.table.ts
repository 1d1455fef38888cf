import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  passwordHash: string;
  disabled: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  userId: number;
  tokenHash: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SessionsTable {
  id: Generated<number>;
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}
