// @ts-check
// Run before `npm install`, `npm start` and `npm test`: the app needs Node 20.19 or newer
// (better-sqlite3 12 and Next 16 are built for it). Saying so in one Chinese line beats a
// compile error from deep inside a dependency.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`整改通需要 Node.js 20.19 或更高版本,当前为 ${process.versions.node}。请升级 Node.js 后重试。\n`);
  process.exit(1);
}
