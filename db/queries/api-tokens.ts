import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../client";
import { apiTokens, users } from "../schema";
import { recordAudit } from "./audit";

export function findActiveTokenUser(q: Queryable, params: { tokenHash: string }): string | undefined {
  return q
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, params.tokenHash), isNull(apiTokens.revokedAt)))
    .get()?.userId;
}

export function listApiTokens(q: Queryable) {
  return q
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      username: users.username,
      userName: users.name,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

export function createApiToken(
  tx: Queryable,
  params: { actorId: string; userId: string; name: string; tokenHash: string },
) {
  const created = tx
    .insert(apiTokens)
    .values({ name: params.name, userId: params.userId, tokenHash: params.tokenHash, createdById: params.actorId })
    .returning({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.userId })
    .get();
  // The audit row names the token, never its value or hash.
  recordAudit(tx, { actorId: params.actorId, action: "api_token.create", entity: "api_token", entityId: created.id, after: created });
  return created;
}

export function revokeApiToken(tx: Queryable, params: { actorId: string; tokenId: number }): boolean {
  const revoked = tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, params.tokenId), isNull(apiTokens.revokedAt)))
    .run();
  if (revoked.changes === 0) return false;
  recordAudit(tx, { actorId: params.actorId, action: "api_token.revoke", entity: "api_token", entityId: params.tokenId });
  return true;
}
