import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/session";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  await requirePermission("account.self");
  return (
    <>
      <PageHeader title="修改密码" />
      <PasswordForm />
    </>
  );
}
