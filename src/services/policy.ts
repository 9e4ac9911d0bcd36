/**
 * Who may do what. Every transport calls these through the services; none decides on its own.
 * Roles: owner > admin > editor > viewer. Viewers read; editors change planning objects in the products
 * they belong to; admins manage users, products and membership; only an owner can make another owner.
 */
import type { Role } from '../schemas/user.ts';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

export type Action =
  | 'read'
  | 'write'
  | 'create_product'
  | 'manage_product'
  | 'manage_users'
  | 'see_all_products';

const allowed: Record<Action, readonly Role[]> = {
  read: ['owner', 'admin', 'editor', 'viewer'],
  write: ['owner', 'admin', 'editor'],
  create_product: ['owner', 'admin', 'editor'],
  manage_product: ['owner', 'admin'],
  manage_users: ['owner', 'admin'],
  see_all_products: ['owner', 'admin'],
};

export function can(actor: Actor, action: Action): boolean {
  return allowed[action].includes(actor.role);
}

/** Throws `forbidden` unless the actor may perform the action. */
export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) {
    throw new AppError('forbidden', `a ${actor.role} may not ${action.replace('_', ' ')}`);
  }
}

/** Whether `actor` may grant `role` to someone. */
export function canGrantRole(actor: Actor, role: Role): boolean {
  if (role === 'owner') return actor.role === 'owner';
  return can(actor, 'manage_users');
}
