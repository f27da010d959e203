import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listUnits } from "@/db/queries/units";
import { listUsers } from "@/db/queries/users";
import { ROLE_LABELS } from "@/lib/domain";
import { requirePermission } from "@/server/session";
import { CreateUserForm, ResetPasswordForm, ToggleUserButton } from "./user-forms";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const actor = await requirePermission("admin.manage");
  const users = listUsers(db);
  const units = listUnits(db);
  return (
    <>
      <PageHeader title="单位与用户" description="创建整改办、责任单位和领导的账号;停用离岗人员的账号,重置遗忘的密码。" />
      <AdminTabs current="users" />
      <div className="space-y-6">
        <CreateUserForm units={units.map((u) => ({ id: u.id, name: u.name }))} />
        <Table caption="用户列表">
          <thead>
            <tr>
              <Th>用户名</Th>
              <Th>姓名</Th>
              <Th>角色</Th>
              <Th>所属单位</Th>
              <Th>状态</Th>
              <Th>操作</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {users.map((user) => (
              <tr key={user.id} className={user.disabled ? "text-gray-400" : undefined}>
                <Td>{user.username}</Td>
                <Td>{user.name}</Td>
                <Td>
                  {ROLE_LABELS[user.role]}
                  {user.isAdmin ? "(管理员)" : ""}
                </Td>
                <Td>{user.unitName}</Td>
                <Td>{user.disabled ? "已停用" : user.mustChangePassword ? "待首次登录改密" : "正常"}</Td>
                <Td>
                  {user.id === actor.id ? (
                    <span className="text-xs text-gray-500">当前账号</span>
                  ) : (
                    <div className="flex flex-wrap items-start gap-3">
                      <ToggleUserButton userId={user.id} username={user.username} disabled={user.disabled} />
                      <ResetPasswordForm userId={user.id} username={user.username} />
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
