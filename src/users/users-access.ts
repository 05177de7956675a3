import { type Actor, isNational, type Role } from "../lib/actor.ts";
import { AppError, forbidden, notFound } from "../lib/errors.ts";

/**
 * The user and organisation administration is the national office's (PRODUCT §2): editors and admins.
 * Anonymous visitors are asked to log in; organisers and coordinators get 404 (nothing to see here).
 */
export function requireUserAdmin(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please log in");
  if (!isNational(actor)) throw notFound("Not found");
  return actor;
}

/** Editors and admins are the office's own accounts: only admins create, change or deactivate them. */
export const isPrivilegedRole = (role: Role): boolean => role === "editor" || role === "admin";

/**
 * Whether the actor may act on an account of `role` (and give it `newRole`): admins on everyone, editors
 * on organisers and coordinators only, and never to make someone editor or admin. Else 403.
 */
export function requireMayManage(actor: Actor, role: Role, newRole: Role = role): void {
  if (actor.role === "admin") return;
  if (isPrivilegedRole(role) || isPrivilegedRole(newRole)) throw forbidden("Only admins manage editors and admins");
}

/** Nobody changes their own role or deactivates themselves here (no lock-out of the last admin by accident). */
export function requireNotSelf(actor: Actor, userId: number): void {
  if (actor.userId === userId) throw new AppError("conflict", "Not on your own account");
}
