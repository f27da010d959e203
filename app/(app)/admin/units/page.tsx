import type { Metadata } from "next";
import Link from "@/components/link";
import { AdminTabs } from "@/components/admin-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { listUnits } from "@/db/queries/units";
import { UNIT_KIND_LABELS } from "@/lib/domain";
import { requirePermission } from "@/server/session";
import { OrgImport } from "./org-import";
import { CreateUnitForm, RenameUnitForm } from "./unit-form";

export const metadata: Metadata = { title: "单位管理" };

type UnitRow = ReturnType<typeof listUnits>[number];

export default async function UnitsPage() {
  await requirePermission("admin.manage");
  const units = listUnits(db);
  const children = new Map<number | null, UnitRow[]>();
  for (const unit of units) {
    const list = children.get(unit.parentId) ?? [];
    list.push(unit);
    children.set(unit.parentId, list);
  }
  const renderTree = (parentId: number | null) => {
    const list = children.get(parentId);
    if (!list) return null;
    return (
      <ul className={parentId === null ? "space-y-1" : "mt-1 ml-6 space-y-1 border-l border-gray-200 pl-4"}>
        {list.map((unit) => (
          <li key={unit.id}>
            <span className="font-medium">{unit.name}</span>
            <span className="ml-2 text-xs text-gray-500">
              {UNIT_KIND_LABELS[unit.kind]} · {unit.userCount} 个账号 ·{" "}
              <Link href={`/admin/units/${unit.id}`} aria-label={`${unit.name}的负责人`} className="text-brand-700 hover:underline">
                负责人
              </Link>
            </span>
            {renderTree(unit.id)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      <PageHeader title="单位与用户" description="单位按隶属关系组成一棵树;责任单位账号可查看本单位及下级单位的事项。" />
      <AdminTabs current="units" />
      <div className="space-y-6">
        <OrgImport />
        <CreateUnitForm units={units.map((u) => ({ id: u.id, name: u.name }))} />
        {units.length > 0 ? <RenameUnitForm units={units.map((u) => ({ id: u.id, name: u.name }))} /> : null}
        <section aria-label="单位树" className="rounded-lg border border-gray-200 bg-white p-5 text-sm">
          {units.length === 0 ? <EmptyState title="还没有单位" /> : renderTree(null)}
        </section>
      </div>
    </>
  );
}
