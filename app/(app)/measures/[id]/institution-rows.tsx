"use client";

import { useState } from "react";

interface Row {
  key: number;
  title: string;
  documentNumber: string;
  issuedDate: string;
}

/**
 * 建章立制 announced with this report: optional rows of title, 文号 and date. They travel as
 * one JSON field (`institutions`) so the API takes the same shape from other systems.
 */
export function InstitutionRows({ error }: { error?: string[] }) {
  const [rows, setRows] = useState<Row[]>([]);
  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const filled = rows.filter((r) => r.title.trim() || r.documentNumber.trim() || r.issuedDate);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-gray-800">建章立制(选填)</legend>
      <input type="hidden" name="institutions" value={filled.length ? JSON.stringify(filled.map((r) => ({ title: r.title, documentNumber: r.documentNumber, issuedDate: r.issuedDate }))) : ""} />
      {rows.map((row, index) => (
        <div key={row.key} className="flex flex-wrap items-end gap-2 text-sm">
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">第 {index + 1} 项 制度名称</span>
            <input value={row.title} onChange={(e) => update(row.key, { title: e.target.value })} className="w-72 rounded-md border border-gray-300 px-2 py-1.5" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">文号</span>
            <input value={row.documentNumber} onChange={(e) => update(row.key, { documentNumber: e.target.value })} className="w-40 rounded-md border border-gray-300 px-2 py-1.5" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-gray-600">印发日期</span>
            <input type="date" value={row.issuedDate} onChange={(e) => update(row.key, { issuedDate: e.target.value })} className="rounded-md border border-gray-300 px-2 py-1.5" />
          </label>
          <button type="button" onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))} className="px-2 py-1.5 text-red-700" aria-label={`删除第 ${index + 1} 项制度`}>
            删除
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => setRows((rs) => [...rs, { key: Date.now() + rs.length, title: "", documentNumber: "", issuedDate: "" }])}
        className="text-sm text-brand-700 underline"
      >
        + 登记印发的制度
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.join(";")}
        </p>
      ) : null}
    </fieldset>
  );
}
