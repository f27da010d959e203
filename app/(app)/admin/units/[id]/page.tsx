import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/link";
import { AdminTabs } from "@/components/admin-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { headCandidates, headsOfUnit } from "@/db/queries/unit-heads";
import { getUnit } from "@/db/queries/units";
import { UNIT_HEAD_POSTS, UNIT_HEAD_POST_LABELS } from "@/lib/domain";
import type { UnitHead } from "@/lib/escalation";
import { parseId } from "@/lib/validations/common";
import { requirePermission } from "@/server/session";
import { UnitHeadsForm, type HeadDefault } from "./unit-heads-form";

export const metadata: Metadata = { title: "单位负责人" };

// One unit's 主要负责人 and 分管领导, whom late measures escalate to (预警升级).
export default async function UnitHeadsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("admin.manage");
  const unit = getUnit(db, { id: parseId((await params).id) ?? 0 });
  if (!unit) notFound();
  const heads = headsOfUnit(db, { unitId: unit.id });
  const accounts = headCandidates(db, { unitId: unit.id });
  return (
    <>
      <PageHeader title={`${unit.name} · 单位负责人`} description="整改措施临近或超过完成时限时,预警按轮次设置的天数逐级告知分管领导和主要负责人。" />
      <AdminTabs current="units" />
      <p className="mb-4 text-sm">
        <Link href="/admin/units" className="text-brand-700 hover:underline">
          ← 返回单位列表
        </Link>
      </p>
      <dl aria-label="当前登记" className="mb-6 grid gap-3 rounded-lg border border-gray-200 bg-white p-5 text-sm md:grid-cols-2">
        {UNIT_HEAD_POSTS.map((post) => (
          <div key={post}>
            <dt className="text-xs text-gray-500">{UNIT_HEAD_POST_LABELS[post]}</dt>
            <dd className="mt-0.5">{describeHead(heads[post])}</dd>
          </div>
        ))}
      </dl>
      <UnitHeadsForm
        unitId={unit.id}
        accounts={accounts.filter((a) => !a.disabled).map((a) => ({ id: a.id, label: `${a.name}(${a.username})` }))}
        current={Object.fromEntries(UNIT_HEAD_POSTS.map((post) => [post, headDefault(heads[post])]))}
      />
    </>
  );
}

function headDefault(head: UnitHead | null): HeadDefault {
  if (!head) return { kind: "none" };
  return head.userId ? { kind: "account", userId: head.userId } : { kind: "contact", name: head.name, phone: head.phone ?? "" };
}

function describeHead(head: UnitHead | null): string {
  if (!head) return "未登记(预警到这一级时只能记为无人接收)";
  if (head.userId) return head.active ? `${head.name}(账号,站内通知)` : `${head.name}(账号已停用,需电话联系${head.phone ? ` ${head.phone}` : ""})`;
  return `${head.name}(联系人,无账号,需电话联系${head.phone ? ` ${head.phone}` : ""})`;
}
