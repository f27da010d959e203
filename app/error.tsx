"use client";

// Shown when a page fails on the server. Next sends only a digest to the browser, never
// the stack; the digest lets an administrator find the error in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">页面出错了</h1>
      <p className="mt-3 text-gray-600">系统暂时无法完成该操作,您的数据未受影响。请稍后重试,如仍有问题请联系管理员。</p>
      {error.digest ? <p className="mt-2 text-xs text-gray-400">错误编号:{error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-white">
        重试
      </button>
    </main>
  );
}
