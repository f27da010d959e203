import Link from "@/components/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">无权访问</h1>
      <p className="mt-3 text-gray-600">您的账号没有查看此页面的权限。如确需办理,请联系整改办管理员。</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        返回首页
      </Link>
    </main>
  );
}
