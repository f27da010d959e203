"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { UploadFailure, UploadProgress } from "@/components/upload-progress";
import { UploadError, uploadWithProgress } from "@/lib/upload";

interface Verified {
  ok: boolean;
  files: number;
  problems: string[];
}

/** 校验归档包: upload a package, see whether every file matches its manifest. */
export function VerifyForm() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const verify = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.set("file", file!);
      setProgress(0);
      return uploadWithProgress<Verified>("/api/v1/archive-verify", form, setProgress);
    },
  });
  const result = verify.data;
  return (
    <section aria-labelledby="verify-title" className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="verify-title" className="text-base font-semibold">
        校验归档包
      </h2>
      <p className="text-sm text-gray-600">逐个文件重新计算 SHA-256,与包内 manifest.json 比对,指出缺少、多出或被改动的文件。大文件请在服务器上用命令行 verify-archive 校验。</p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) verify.mutate();
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block font-medium">归档包文件(.zip)</span>
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              verify.reset();
            }}
            className="text-sm"
          />
        </label>
        <Button type="submit" variant="secondary" disabled={!file || verify.isPending}>
          {verify.isPending ? "正在校验…" : "校验"}
        </Button>
      </form>
      {verify.isPending ? <UploadProgress progress={progress} afterUpload="上传完成,正在校验…" /> : null}
      <UploadFailure error={verify.error as UploadError | null} />
      {result ? (
        result.ok ? (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
            校验通过:{result.files} 个文件全部与清单一致,归档包完整、未被改动。
          </p>
        ) : (
          <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            <p className="font-medium">校验未通过:</p>
            <ul className="list-disc pl-5">
              {result.problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  );
}
