// Browser-side upload with progress: fetch() cannot report upload progress, XHR can, and a
// 10,000-row ledger on a slow government network takes long enough to need a bar.

export interface ApiFailure {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export class UploadError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

/** The form an import posts: the file and the step's fields (dryRun, token, choices). */
export function fileForm(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set("file", file);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

export function uploadWithProgress<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as ({ error?: ApiFailure } & T) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body);
      else reject(new UploadError(body?.error ?? { code: "INTERNAL", message: `上传失败(${xhr.status}),请稍后重试` }));
    };
    xhr.onerror = () => reject(new UploadError({ code: "NETWORK", message: "网络连接中断,文件未上传,请重试" }));
    xhr.send(form);
  });
}
