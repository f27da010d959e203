"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/server/action";
import { fieldErrorsOf } from "@/server/action";
import { auth, oidc } from "@/server/auth";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { clientAddress } from "@/server/request-context";
import { lockMessage } from "@/lib/security/sign-in-limit";
import { beginSignIn, completeSignIn, recordSignOut } from "@/server/sign-in";
import { getActor } from "@/server/session";
import { signInSchema } from "@/lib/validations/account";
import { firstAdministratorSchema } from "@/lib/validations/setup";
import { toAppError } from "@/lib/errors";
import { createFirstAdministrator } from "@/server/setup";
import { passwordSignInEnabled, passwordSignInOffMessage } from "@/lib/unified-identity";

// The actions that cannot use defineAction: signing in and first-run setup have no actor
// yet, and signing out must work for any session. Both still validate input and never leak internals.

const BAD_CREDENTIALS = "用户名或密码错误";

export async function signIn(_previous: ActionState, formData: FormData): Promise<ActionState> {
  // Hiding the form is not enough: an exported server action can be called by hand.
  if (!passwordSignInEnabled(process.env)) {
    return { ok: false, message: passwordSignInOffMessage(oidc?.name ?? "统一身份认证") };
  }
  const username = String(formData.get("username") ?? "");
  const parsed = signInSchema.safeParse({ username, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return { ok: false, message: "请填写用户名和密码", fieldErrors: fieldErrorsOf(parsed.error), values: { username } };
  }
  const address = clientAddress(await headers());
  // Counted as failed before the (slow, async) password check: parallel guesses cannot slip past.
  let attempt: ReturnType<typeof beginSignIn>;
  try {
    attempt = beginSignIn(parsed.data.username, address);
  } catch (error) {
    console.error("[rectify] sign-in lock unavailable", error);
    return { ok: false, message: GENERIC_ERROR_MESSAGE, values: { username } };
  }
  if ("lockedMinutes" in attempt) return { ok: false, message: lockMessage(attempt.lockedMinutes), values: { username } };
  let userId: string;
  try {
    const result = await auth.api.signInUsername({
      body: { username: parsed.data.username, password: parsed.data.password },
      headers: await headers(),
    });
    if (!result) return { ok: false, message: BAD_CREDENTIALS, values: { username } };
    userId = result.user.id;
  } catch (error) {
    if (error instanceof APIError) {
      // Disabled accounts get their own message from server/auth.ts; anything else about the
      // credentials is the same message, so usernames cannot be probed.
      const message = error.status === "FORBIDDEN" ? error.message : BAD_CREDENTIALS;
      return { ok: false, message, values: { username } };
    }
    console.error("[rectify] sign-in failed", error);
    return { ok: false, message: GENERIC_ERROR_MESSAGE, values: { username } };
  }
  completeSignIn(attempt, userId);
  redirect("/");
}

export async function signOut(): Promise<void> {
  const actor = await getActor();
  await auth.api.signOut({ headers: await headers() });
  if (actor) recordSignOut(actor.id);
  redirect("/sign-in");
}

/** /setup: creates the first office administrator, given the setup code from the console. */
export async function setUp(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = {
    setupCode: String(formData.get("setupCode") ?? ""),
    unitName: String(formData.get("unitName") ?? ""),
    name: String(formData.get("name") ?? ""),
    username: String(formData.get("username") ?? ""),
  };
  const parsed = firstAdministratorSchema.safeParse({
    ...values,
    password: formData.get("password") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) {
    return { ok: false, message: "提交的内容有误,请按提示修改", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    await createFirstAdministrator(parsed.data);
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.message, fieldErrors: appError.fieldErrors, values };
  }
  redirect("/sign-in?setup=done");
}
