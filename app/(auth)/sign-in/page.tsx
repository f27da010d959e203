import type { Metadata } from "next";
import { redirect } from "next/navigation";
import Link from "next/link";
import { getActor } from "@/server/session";
import { needsSetup } from "@/server/setup";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "登录" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ setup?: string }> }) {
  if (await getActor()) redirect("/");
  const { setup } = await searchParams;
  const firstRun = needsSetup();
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
        {setup === "done" && !firstRun ? (
          <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            管理员账号已创建,请用刚才设置的用户名和密码登录。
          </p>
        ) : null}
        <SignInForm />
        <p className="mt-6 text-xs text-gray-500">忘记密码请联系本单位整改办管理员重置。</p>
      </div>
    </main>
  );
}
