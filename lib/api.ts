import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrorsOf } from "./action";
import { AppError, toAppError } from "./errors";
import { can, type Actor, type Permission } from "./permissions";
import { getActor } from "./session";

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
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "请先登录");
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      if (!can(actor, definition.permission)) throw new AppError("FORBIDDEN", "您没有执行此操作的权限");
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

function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) {
    throw new AppError("FORBIDDEN", "请求来源不被信任,已拒绝");
  }
}

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
