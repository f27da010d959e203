import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { report } from "./peak";

// Reference for the archive package: the very files of a package (unpacked beforehand)
// zipped again with the same library, the same per-file compression and hashing, one file
// at a time — everything the package does except reading the database and writing documents.
const STORED = /\.(pdf|jpe?g|png|gif|zip|docx|xlsx|pptx|rar|7z|mp4)$/i;

async function main() {
  const [dir, out] = [process.argv[2]!, process.argv[3]!];
  const started = performance.now();
  const files = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, fs.createWriteStream(out));
  for (const name of files) {
    await new Promise<void>((resolve, reject) => {
      const hash = createHash("sha256");
      const hasher = new Transform({
        transform(chunk: Buffer, _e, callback) {
          hash.update(chunk);
          callback(null, chunk);
        },
        flush(callback) {
          hash.digest("hex");
          resolve();
          callback();
        },
      });
      const source = fs.createReadStream(path.join(dir, name)).once("error", reject);
      zip.addReadStream(source.pipe(hasher), name, { compress: !STORED.test(name) });
    });
  }
  zip.end();
  await written;
  report({ ms: performance.now() - started, files: files.length, bytes: fs.statSync(out).size });
}

void main();
