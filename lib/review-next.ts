// 下一条 on a claim's page: the reviewer walks the 对账销号 queue (oldest first) one
// measure at a time without going back to the list.

/**
 * The next queued claim on another measure: after this measure's place in the queue,
 * wrapping round to the start, so skipping a claim never leads back to it at once. A
 * measure no longer queued (just signed off) continues from the oldest.
 */
export function nextInQueue<C extends { measureId: number }>(queue: readonly C[], measureId: number): C | null {
  const at = queue.findIndex((c) => c.measureId === measureId);
  const order = at < 0 ? queue : [...queue.slice(at + 1), ...queue.slice(0, at)];
  return order.find((c) => c.measureId !== measureId) ?? null;
}
