import type { ListColumnHead } from "@/components/list-rows";

// The 整改台账's columns as the header shows them, shared by the page (the header) and
// LedgerRows (the cells). Shares of the table's width, balanced so that a row of real texts
// is about as tall in each column.
export const LEDGER_HEADS: ListColumnHead[] = [
  { header: "序号", sortKey: "number", width: "3.5%" },
  { header: "方面", width: "8%" },
  { header: "问题", width: "7%" },
  { header: "整改措施", width: "20%" },
  { header: "牵头领导", width: "6%" },
  { header: "牵头单位", sortKey: "unit", width: "6%" },
  { header: "配合单位", width: "6%" },
  { header: "完成时限", sortKey: "deadline", width: "9%" },
  { header: "整改状态", sortKey: "status", width: "5.5%" },
  { header: "最新进展", width: "24.5%" },
  { header: "销号情况", width: "4.5%" },
];
