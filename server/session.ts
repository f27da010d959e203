import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { unitScope } from "@/db/queries/units";
import { getUserWithUnit } from "@/db/queries/users";
import { reviewRoundIdsOf } from "@/db/queries/round-reviewers";
import { can, type Actor, type Ownership, type Permission } from "@/lib/permissions";
import { noteRequestUser } from "@/server/request-context";
import { lookUpSession } from "@/server/session-lookup";

export interface CurrentSession {
  actor: Actor;
  sessionToken: string;
}

// Once per request: who is asking, with their unit scope resolved. A disabled user has
// no sessions (they are deleted on disable), and the check below covers a race.
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await lookUpSession(await headers());
  if (!session) return null;
  const actor = actorOf(session.userId);
  if (actor) noteRequestUser(actor.id);
  return actor ? { sessionToken: session.token, actor } : null;
});

/** The actor a user id stands for, or null when the account is gone or disabled. */
export function actorOf(userId: string): Actor | null {
  const user = getUserWithUnit(db, { userId });
  if (!user || user.disabled) return null;
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    role: user.role,
    unitId: user.unitId,
    unitName: user.unitName,
    isAdmin: user.isAdmin,
    mustChangePassword: user.mustChangePassword,
    unitScope: unitScope(db, { unitId: user.unitId }),
    reviewRoundIds: user.role === "reviewer" ? reviewRoundIdsOf(db, { userId: user.id }) : [],
  };
}

export async function getActor(): Promise<Actor | null> {
  return (await getCurrentSession())?.actor ?? null;
}

export const PASSWORD_PAGE = "/account/password";

/**
 * For the app's layout: the signed-in actor, even one who must change their password first.
 * The layout frames the password page too; each page does its own check.
 */
export async function signedInActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/**
 * For pages: the signed-in actor, or off to the sign-in page. An account still on its
 * one-time password goes to the password change first.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await signedInActor();
  if (actor.mustChangePassword) redirect(PASSWORD_PAGE);
  return actor;
}

/** For pages: the actor if allowed, else the 403 page (or the pending password change). */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await signedInActor();
  if (actor.mustChangePassword && permission !== "account.self") redirect(PASSWORD_PAGE);
  if (!can(actor, permission)) forbidden();
  return actor;
}

/**
 * For pages showing one item: a unit user asking for another unit's item gets 404, not
 * 403, so that ids cannot be probed for existence.
 */
export function assertCanSee(actor: Actor, permission: Permission, target: Ownership | undefined): void {
  if (!target || !can(actor, permission, target)) notFound();
}
