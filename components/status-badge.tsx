import { STATUS_LABELS, type Status } from "@/lib/domain";
import type { Light } from "@/lib/deadline-state";

const STATUS_STYLES: Record<Status, string> = {
  completed: "bg-green-100 text-green-800",
  basically_completed: "bg-blue-100 text-blue-800",
  incomplete: "bg-gray-100 text-gray-800",
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

const LIGHT_STYLES: Record<Light, { className: string; label: string }> = {
  red: { className: "bg-red-600", label: "红灯" },
  yellow: { className: "bg-amber-400", label: "黄灯" },
  green: { className: "bg-green-600", label: "绿灯" },
  none: { className: "bg-gray-300", label: "无时限" },
};

/** 红黄绿灯, with a text label so it is not told by colour alone. */
export function DeadlineLight({ light }: { light: Light }) {
  const style = LIGHT_STYLES[light];
  return (
    <span className="inline-flex items-center gap-1 text-xs text-gray-700" title={style.label}>
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${style.className}`} />
      <span className="sr-only">{style.label}</span>
    </span>
  );
}
