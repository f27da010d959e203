import Link from "@/components/link";

export function BackToPlan({ roundId, anchor }: { roundId: number; anchor?: string }) {
  return (
    <Link href={`/rounds/${roundId}/plan${anchor ? `#${anchor}` : ""}`} className="no-print text-sm text-brand-700 hover:underline">
      ← 返回录入方案
    </Link>
  );
}
