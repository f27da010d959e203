import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrorsOf } from "@/server/action";
import { AppError, toAppError } from "@/lib/errors";
import { can, refusalMessage, type Actor, type Permission } from "@/lib/permissions";
import { db } from "@/db";
import { findActiveTokenUser } from "@/db/queries/api-tokens";
import { hashApiToken } from "@/server/api-token";
import { noteRequestUser } from "@/server/request-context";
import { actorOf, getActor } from "@/server/session";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

interface ApiDefinition<S extends z.ZodType | undefined> {
  permission: Permission;
  /** Validates the JSON body (writes) — omit for reads. */
  body?: S;
  handle: (ctx: {
    actor: Actor;
    request: Request;
    params: Record<string, string | string[]>;
    body: S extends z.ZodType ? z.infer<S> : undefined;
  }) => Promise<unknown> | unknown;
}

/**
 * The JSON API's wrapper, twin of defineAction: authenticate → same-origin check for
 * writes (cookies ride along on cross-site requests, so CSRF is refused here) → permission
 * → validate → handle. Errors are JSON `{ error: { code, message, fieldErrors? } }` with
 * the status from lib/errors.ts; internals are logged, never sent.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(definition: ApiDefinition<S>) {
  return async function handler(request: Request, context: RouteContext): Promise<Response> {
    try {
      const bearer = bearerToken(request);
      const actor = bearer ? actorForToken(bearer) : await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", bearer ? "API 令牌无效或已撤销" : "请先登录");
      // Cookies ride along on cross-site requests; a bearer token does not, so only
      // cookie-authenticated writes need the same-origin check.
      if (!bearer && request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      if (!can(actor, definition.permission)) throw new AppError("FORBIDDEN", refusalMessage(actor));
      let body: unknown = undefined;
      if (definition.body) {
        body = await readJson(request);
        const parsed = definition.body.safeParse(body);
        if (!parsed.success) {
          throw new AppError("VALIDATION", "提交的内容有误", fieldErrorsOf(parsed.error));
        }
        body = parsed.data;
      }
      const params = await context.params;
      const result = await definition.handle({
        actor,
        request,
        params,
        body: body as S extends z.ZodType ? z.infer<S> : undefined,
      });
      // A handler may answer with a file (export, template) instead of JSON.
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (error) {
      const appError = toAppError(error);
      return NextResponse.json(
        { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } },
        { status: appError.status },
      );
    }
  };
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function actorForToken(token: string): Actor | null {
  const userId = findActiveTokenUser(db, { tokenHash: hashApiToken(token) });
  if (userId) noteRequestUser(userId);
  return userId ? actorOf(userId) : null;
}

function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) {
    throw new AppError("FORBIDDEN", "请求来源不被信任,已拒绝");
  }
}

/** A file download with a Content-Disposition that is safe for any (Chinese) file name. */
export function fileResponse(body: Uint8Array, fileName: string, contentType: string): Response {
  const ascii = fileName.replace(/[^\w.-]+/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export { XLSX_TYPE } from "@/lib/file-types";

async function readJson(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.includes("application/json")) {
    throw new AppError("VALIDATION", "请求体须为 JSON(Content-Type: application/json)");
  }
  try {
    return await request.json();
  } catch {
    throw new AppError("VALIDATION", "请求体不是合法的 JSON");
  }
}
