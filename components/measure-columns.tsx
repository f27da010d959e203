import Link from "@/components/link";
import { runsPast } from "@/lib/text-length";
import { ClampedText } from "./clamped-text";
import type { ListColumn } from "./list-table";

// The columns every measure-level list (责任清单, 任务清单, 整改台账) begins with: the
// measure's number under its problem, and its text as the link to the measure's page.

interface MeasureRow {
  id: number;
  problemNumber: number;
  position: number;
  text: string;
}

export function measureNumberColumn<Row extends MeasureRow>(): ListColumn<Row> {
  return { header: "序号", sortKey: "number", className: "whitespace-nowrap", cell: (row) => `${row.problemNumber}.${row.position}` };
}

/** `clampAt`: the column's width in characters; longer texts are cut to three lines on screen. */
export function measureTextColumn<Row extends MeasureRow>(className = "min-w-64", clampAt?: number): ListColumn<Row> {
  return {
    header: "整改措施",
    className,
    cell: (row) => {
      const link = (
        <Link href={`/measures/${row.id}`} className="text-gray-900 underline-offset-2 hover:text-brand-700 hover:underline">
          {row.text}
        </Link>
      );
      return clampAt ? <ClampedText long={runsPast(row.text, clampAt)}>{link}</ClampedText> : link;
    },
  };
}
