import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { needsSetup } from "@/server/setup";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "首次设置" };

// Only while the database has no account: afterwards the page does not exist (404), so a
// finished installation shows nothing to a stranger.
export default async function SetupPage() {
  if (!needsSetup()) notFound();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4 py-10">
      <div className="w-full max-w-md rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-700">整改通 · 首次设置</h1>
        <p className="mt-2 mb-6 text-sm text-gray-600">
          创建本单位整改办的第一个管理员账号。设置代码在启动服务的控制台中,形如“设置代码:ABCD-EF23”;
          只有能看到服务器控制台的人才能完成设置。
        </p>
        <SetupForm />
      </div>
    </main>
  );
}
