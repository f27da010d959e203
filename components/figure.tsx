export function Figure({ label, value, tone = "gray" }: { label: string; value: string | number; tone?: "gray" | "green" | "blue" | "red" | "amber" }) {
  const tones = {
    gray: "text-gray-900",
    green: "text-green-700",
    blue: "text-blue-700",
    red: "text-red-700",
    amber: "text-amber-700",
  };
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-4">
      <dt className="text-sm text-gray-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold ${tones[tone]}`}>{value}</dd>
    </div>
  );
}
