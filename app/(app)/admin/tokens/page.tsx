import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin-tabs";
import { ConfirmButton } from "@/components/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listApiTokens } from "@/db/queries/api-tokens";
import { listUsers } from "@/db/queries/users";
import { ROLE_LABELS } from "@/lib/domain";
import { requirePermission } from "@/server/session";
import { revokeToken } from "../actions";
import { IssueTokenForm } from "./token-form";

export const metadata: Metadata = { title: "API 令牌" };

export default async function TokensPage() {
  await requirePermission("admin.manage");
  const tokens = listApiTokens(db);
  const users = listUsers(db)
    .filter((u) => !u.disabled)
    .map((u) => ({ id: u.id, label: `${u.name}(${u.username} · ${ROLE_LABELS[u.role]})` }));
  return (
    <>
      <PageHeader title="单位与用户" description="其他系统调用 /api/v1 时在请求头带上 Authorization: Bearer <令牌>,按所代表账号的权限访问。" />
      <AdminTabs current="tokens" />
      <div className="space-y-6">
        <IssueTokenForm users={users} />
        {tokens.length === 0 ? (
          <EmptyState title="尚未签发令牌" />
        ) : (
          <Table caption="API 令牌">
            <thead>
              <tr>
                <Th>用途</Th>
                <Th>代表账号</Th>
                <Th>签发时间</Th>
                <Th>状态</Th>
                <Th>操作</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {tokens.map((t) => (
                <tr key={t.id}>
                  <Td>{t.name}</Td>
                  <Td>
                    {t.userName}({t.username})
                  </Td>
                  <Td>{t.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</Td>
                  <Td>{t.revokedAt ? "已撤销" : "有效"}</Td>
                  <Td>
                    {t.revokedAt ? null : (
                      <ConfirmButton action={revokeToken} fields={{ tokenId: t.id }} label="撤销" ariaLabel={`撤销 ${t.name}`} confirm={`确定撤销令牌“${t.name}”吗?使用它的系统将立即无法访问。`} />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </>
  );
}
