import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, toAppError, type FieldErrors } from "@/lib/errors";
import { can, refusalMessage, type Actor, type Permission } from "@/lib/permissions";
import { getCurrentSession, type CurrentSession } from "@/server/session";

export type ActionState =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> }
  | null;

type ActionOutcome = string | { redirectTo: string };

interface ActionDefinition<S extends z.ZodType> {
  permission: Permission;
  schema: S;
  /** Paths whose server-rendered data the change affects. */
  revalidate?: string[];
  /** Returns the Chinese success message, or where to go next (a new item's page). */
  run: (ctx: { actor: Actor; session: CurrentSession; input: z.infer<S> }) => Promise<ActionOutcome> | ActionOutcome;
}

/**
 * The one way to write from a form (STYLE.md rule 1): authenticate → validate with zod →
 * check the permission table → run → revalidate. An exported server action is a public
 * endpoint, so every one of them is built with this.
 * Errors come back as ActionState with a Chinese message, never thrown to the client.
 */
export function defineAction<S extends z.ZodType>(definition: ActionDefinition<S>) {
  return async function action(_previous: ActionState, formData: FormData): Promise<ActionState> {
    const values = formValues(formData);
    try {
      const session = await getCurrentSession();
      if (!session) throw new AppError("UNAUTHENTICATED", "登录已失效,请重新登录");
      if (!can(session.actor, definition.permission)) {
        throw new AppError("FORBIDDEN", refusalMessage(session.actor));
      }
      const parsed = definition.schema.safeParse(values);
      if (!parsed.success) {
        throw new AppError("VALIDATION", "提交的内容有误,请按提示修改", fieldErrorsOf(parsed.error));
      }
      const outcome = await definition.run({ actor: session.actor, session, input: parsed.data });
      for (const path of definition.revalidate ?? []) revalidatePath(path);
      if (typeof outcome !== "string") redirect(outcome.redirectTo);
      return { ok: true, message: outcome };
    } catch (error) {
      unstable_rethrow(error);
      const appError = toAppError(error);
      return {
        ok: false,
        message: appError.message,
        fieldErrors: appError.fieldErrors,
        values: withoutSecrets(values),
      };
    }
  };
}

/** Form fields as an object; a key sent more than once (a checkbox list) becomes an array. */
function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

// Passwords are never echoed back into a re-rendered form; lists come back comma-joined.
function withoutSecrets(values: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([key]) => !/password/i.test(key))
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : value]),
  );
}
