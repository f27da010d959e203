"use client";

import Link from "@/components/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS = [
  { slug: "problems", label: "问题清单" },
  { slug: "responsibility", label: "责任清单" },
  { slug: "tasks", label: "任务清单" },
  { slug: "progress", label: "进度清单" },
  { slug: "ledger", label: "整改台账" },
  { slug: "institutions", label: "建章立制" },
  { slug: "snapshots", label: "台账快照" },
  { slug: "report", label: "整改通报" },
  { slug: "evaluation", label: "成效评估" },
  { slug: "plan-review", label: "方案审核" },
  { slug: "report-review", label: "通报审核与发布" },
  { slug: "survey", label: "满意度测评" },
] as const;

// The four lists and the ledger are views of one data set: switching tabs keeps the filter.
// The 通报 is the same data written up; leaders reach it here as well as the office.
export function RoundTabs({ roundId }: { roundId: number }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const keep = new URLSearchParams(search);
  keep.delete("page");
  keep.delete("sort");
  keep.delete("dir");
  const query = keep.toString() ? `?${keep}` : "";
  return (
    <nav aria-label="四清单一台账" className="no-print mb-4 flex flex-wrap gap-1 border-b border-gray-200">
      {TABS.map((tab) => {
        const href = `/rounds/${roundId}/${tab.slug}`;
        const active = pathname === href;
        return (
          <Link
            key={tab.slug}
            href={`${href}${query}`}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 pb-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
