"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "sans-serif", textAlign: "center", padding: "6rem 1rem" }}>
        <h1>系统出错了</h1>
        <p>请刷新页面重试;如仍有问题请联系管理员。</p>
        {error.digest ? <p style={{ color: "#999", fontSize: 12 }}>错误编号:{error.digest}</p> : null}
      </body>
    </html>
  );
}
