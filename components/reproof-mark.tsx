/** 复证: marks an 已完成 claim that re-proves a long-term measure already signed off. */
export function ReproofMark() {
  return (
    <span className="ml-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900" title="长期坚持措施的定期复证">
      复证
    </span>
  );
}
