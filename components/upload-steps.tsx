"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { UploadFailure, UploadProgress } from "@/components/upload-progress";
import type { UploadError } from "@/lib/upload";

type OnProgress = (fraction: number) => void;

/**
 * The two steps of a table import: the chosen file goes up once to be checked (the preview)
 * and again to be written (the commit), so the server keeps nothing between them. Choosing
 * another file forgets both. `V` is what the commit needs beyond the file (a token, a choice).
 */
export function useUploadSteps<P, C, V = void>(params: {
  preview: (file: File, onProgress: OnProgress) => Promise<P>;
  commit: (file: File, onProgress: OnProgress, value: V) => Promise<C>;
  onCommitted?: (result: C) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const preview = useMutation({
    mutationFn: () => {
      setProgress(0);
      return params.preview(file!, setProgress);
    },
  });
  const commit = useMutation({
    mutationFn: (value: V) => {
      setProgress(0);
      return params.commit(file!, setProgress, value);
    },
    onSuccess: params.onCommitted,
  });
  const busy = preview.isPending || commit.isPending;
  return {
    progress,
    preview,
    commit,
    busy,
    error: (preview.error ?? commit.error) as UploadError | null,
    /** What TableFilePicker needs from the steps. */
    picker: {
      hasFile: file !== null,
      busy,
      pending: preview.isPending,
      onPreview: () => preview.mutate(),
      onChoose: (chosen: File | null) => {
        setFile(chosen);
        preview.reset();
        commit.reset();
      },
    },
  };
}

/** The progress line while either step runs, then the failure of the last one, if any. */
export function UploadStepsStatus({
  steps,
  checking = "上传完成,正在解析…",
  writing = "正在导入,请稍候…",
}: {
  steps: { busy: boolean; progress: number; error: UploadError | null; commit: { isPending: boolean } };
  checking?: string;
  writing?: string;
}) {
  return (
    <>
      {steps.busy ? <UploadProgress progress={steps.progress} afterUpload={steps.commit.isPending ? writing : checking} /> : null}
      <UploadFailure error={steps.error} />
    </>
  );
}
