import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import Link from "@/components/link";
import { oidc } from "@/server/auth";
import { REFUSED_IDENTITY_COOKIE } from "@/server/oidc-sign-in";
import { getActor } from "@/server/session";
import { needsSetup } from "@/server/setup";
import { isOidcRefusal, OIDC_PROVIDER_ID, oidcRefusalMessage, passwordSignInEnabled } from "@/lib/unified-identity";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "登录" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ oidc?: string | string[]; setup?: string }> }) {
  if (await getActor()) redirect("/");
  const params = await searchParams;
  const firstRun = needsSetup();
  const passwordEnabled = passwordSignInEnabled(process.env);
  const refusal = oidc ? await refusalMessage(oidc.name, params.oidc) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-700">整改通</h1>
        <p className="mt-1 mb-6 text-sm text-gray-600">巡视巡察整改 · 四清单、一台账</p>
        {firstRun ? (
          <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            系统中还没有任何账号。请先进行<Link href="/setup" className="mx-1 font-medium underline">首次设置</Link>,创建整改办管理员。
          </p>
        ) : null}
        {params.setup === "done" && !firstRun ? (
          <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            管理员账号已创建,请用刚才设置的用户名和密码登录。
          </p>
        ) : null}
        {refusal && (
          <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {refusal}
          </p>
        )}
        {oidc && (
          // A plain link, not a form: the start is a GET that redirects to the provider, and
          // the CSP's form-action 'self' would stop a form's redirect to another origin.
          <a
            href={`/api/auth/sign-in/${OIDC_PROVIDER_ID}`}
            className="flex w-full items-center justify-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            使用{oidc.name}登录
          </a>
        )}
        {oidc && passwordEnabled && <p className="my-4 text-center text-xs text-gray-500">或使用整改通的用户名和密码</p>}
        {passwordEnabled && <SignInForm />}
        <p className="mt-6 text-xs text-gray-500">
          {passwordEnabled ? "忘记密码请联系本单位整改办管理员重置。" : "没有账号或无法登录,请联系本单位整改办管理员。"}
        </p>
      </div>
    </main>
  );
}

/** The refusal a provider sign-in came back with (server/oidc-sign-in.ts), in Chinese. */
async function refusalMessage(providerName: string, param: string | string[] | undefined): Promise<string | null> {
  if (!isOidcRefusal(param)) return null;
  // Next has already decoded the cookie's value.
  const label = param === "unknown" || param === "disabled" ? (await cookies()).get(REFUSED_IDENTITY_COOKIE)?.value : undefined;
  return oidcRefusalMessage(param, providerName, label || undefined);
}
