#!/usr/bin/env bash
# Finds (or, as root, installs) what the browser tests need: Debian's Chromium and a CJK
# font. Playwright cannot download its own browser on these machines.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
need=()
[ -x "$chromium" ] || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  need+=(fonts-wqy-microhei)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "安装浏览器测试所需的系统包:${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi

echo "缺少浏览器测试所需的系统包:${need[*]}" >&2
echo "请以 root 运行:apt-get install -y chromium fonts-wqy-microhei" >&2
echo "或用 CHROMIUM_PATH 指定已安装的 Chromium。" >&2
exit 1
