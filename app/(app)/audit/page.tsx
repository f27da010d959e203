import type { Metadata } from "next";
import Link from "@/components/link";
import { AuditChanges } from "@/components/audit-changes";
import { FILTER_CONTROL as CONTROL, FilterForm, FilterSelect } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { auditFilterOptions, listAuditLog, type AuditLogRow } from "@/db/queries/audit-log";
import { auditReferenceNames } from "@/db/queries/audit-names";
import { actionLabel, auditActor, auditChanges, auditObject, auditTime, entityLabel, type AuditNames } from "@/lib/audit-format";
import { requirePermission } from "@/server/session";
import { AUDIT_PAGE_SIZE, auditDateRange, auditQuery, parseAuditFilter } from "@/lib/validations/audit-filter";

export const metadata: Metadata = { title: "操作日志" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The audit trail, read-only by construction: the table refuses UPDATE and DELETE, and
// this page offers neither. Filters live in the URL so a finding can be shared as a link.
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("audit.read");
  const filter = parseAuditFilter(await searchParams);
  const options = auditFilterOptions(db);
  const log = listAuditLog(db, {
    filter: { entity: filter.entity, action: filter.action, actor: filter.actor, entityId: filter.entityId, ...auditDateRange(filter) },
    page: filter.page ?? 1,
    pageSize: AUDIT_PAGE_SIZE,
  });
  const names = auditReferenceNames(db, log.rows);
  return (
    <>
      <PageHeader title="操作日志" description="系统中每一次写入(新建、修改、删除、申报、销号、退回、重新打开、导入、用户管理)都记录在此,只能查看,不能修改或删除。" />
      <FilterForm>
        <FilterSelect name="entity" label="对象类型" value={filter.entity} allLabel="全部" options={options.entities.map((e) => ({ value: e, label: entityLabel(e) }))} />
        <FilterSelect
          name="action"
          label="操作"
          value={filter.action}
          allLabel="全部"
          className="max-w-56"
          options={options.actions.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">操作人用户名</span>
          <input name="actor" defaultValue={filter.actor ?? ""} className={`${CONTROL} w-32`} autoComplete="off" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">对象编号</span>
          <input name="entityId" defaultValue={filter.entityId ?? ""} className={`${CONTROL} w-24`} autoComplete="off" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">日期自</span>
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={CONTROL} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">至</span>
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={CONTROL} />
        </label>
      </FilterForm>
      <p className="mb-2 text-sm text-gray-700" aria-live="polite">
        符合条件的记录 <strong>{log.total}</strong> 条(北京时间,最新在前)
      </p>
      {log.rows.length === 0 ? (
        <EmptyState title="没有符合条件的记录">可调整或清除筛选条件。</EmptyState>
      ) : (
        <Table caption="操作日志">
          <thead>
            <tr>
              <Th>时间</Th>
              <Th>操作人</Th>
              <Th>操作</Th>
              <Th>对象</Th>
              <Th>变更内容</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {log.rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap tabular-nums">{auditTime(row.createdAt)}</Td>
                <Td className="whitespace-nowrap">
                  {auditActor(row)}
                  {row.actorUsername ? <div className="text-xs text-gray-500">{row.actorUsername}</div> : null}
                </Td>
                <Td className="whitespace-nowrap">{actionLabel(row.action)}</Td>
                <Td className="max-w-64">
                  <EntityRef row={row} names={names} />
                </Td>
                <Td className="max-w-xl min-w-64">
                  <AuditChanges changes={auditChanges(row.before, row.after, { names })} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={log.page} pages={log.pages} hrefFor={(p) => auditQuery(filter, { page: p })} />
    </>
  );
}

// Entities with a page of their own link to it; the rest show type and name.
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  measure: (id) => `/measures/${id}`,
  round: (id) => `/rounds/${id}`,
};

function EntityRef({ row, names }: { row: AuditLogRow; names: AuditNames }) {
  const label = auditObject(row, names);
  const href = ENTITY_PAGES[row.entity]?.(row.entityId);
  return href && /^\d+$/.test(row.entityId) ? (
    <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
      {label}
    </Link>
  ) : (
    <span>{label}</span>
  );
}

