export const roles = ['admin', 'editor', 'writer', 'moderator'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
}

/**
 * Whoever is acting: a signed-in newsroom member, the holder of an API token,
 * or the system itself (userId null) when the CLI seeds or imports content.
 */
export interface Actor {
  userId: number | null;
  name: string;
  role: Role;
}

export function actorOf(user: User): Actor {
  return { userId: user.id, name: user.name, role: user.role };
}

/** Email addresses are compared case-insensitively, so they are stored lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const systemActor: Actor = { userId: null, name: 'system', role: 'admin' };
