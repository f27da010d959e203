import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/server/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "登录" };

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-700">整改通</h1>
        <p className="mt-1 mb-6 text-sm text-gray-600">巡视巡察整改 · 四清单、一台账</p>
        <SignInForm />
        <p className="mt-6 text-xs text-gray-500">忘记密码请联系本单位整改办管理员重置。</p>
      </div>
    </main>
  );
}
