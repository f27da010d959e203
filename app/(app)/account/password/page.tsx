import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/session";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const actor = await requirePermission("account.self");
  return (
    <>
      <PageHeader title="修改密码" />
      {actor.mustChangePassword ? (
        <p role="status" className="mb-4 max-w-md rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          您正在使用整改办分发的一次性密码。请先设置自己的新密码,之后才能使用其他功能。
        </p>
      ) : null}
      <PasswordForm />
    </>
  );
}
