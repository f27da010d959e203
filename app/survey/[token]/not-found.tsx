// An unknown or mistyped survey link: a plain message, and no way into the app from here.
export default function SurveyNotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold text-gray-900">问卷不存在</h1>
      <p role="status" className="mt-3 text-gray-700">
        没有找到这份问卷,请核对链接是否完整,或向发布问卷的单位索取正确的链接。
      </p>
    </main>
  );
}
