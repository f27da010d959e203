// What every bench child prints last: its own time and its peak memory (maxRSS), read in
// the child so that the parent's memory never counts.
export function report(fields: Record<string, unknown> & { ms: number }): void {
  const maxRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(`${JSON.stringify({ ...fields, maxRssMb })}\n`);
}
