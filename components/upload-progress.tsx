import type { UploadError } from "@/lib/upload";

/**
 * The line shown while a file goes up (lib/upload.ts reports the fraction sent), then what
 * the server is doing with it. Announced to screen readers as it changes.
 */
export function UploadProgress({ progress, afterUpload }: { progress: number; afterUpload: string }) {
  return (
    <p role="status" className="text-sm text-gray-700">
      {progress < 1 ? `正在上传 ${Math.round(progress * 100)}%` : afterUpload}
      <progress className="ml-2 align-middle" max={1} value={progress} aria-label="上传进度" />
    </p>
  );
}

/** Why an upload failed, in the server's own Chinese words when it gave any. */
export function UploadFailure({ error }: { error: UploadError | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {error.failure?.message ?? "操作失败,请重试"}
    </p>
  );
}
