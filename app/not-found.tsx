import Link from "@/components/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">页面不存在或您无权查看</h1>
      <p className="mt-3 text-gray-600">请检查地址是否正确;如需查看其他单位的事项,请联系整改办。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        返回首页
      </Link>
    </main>
  );
}
