// Turns a document's text (from .txt or .docx) into clean paragraphs: one paragraph per
// line, whitespace tidied, and the web page around a published report ("来源:… 发布时间:…",
// "分享到:", the site's footer) taken out. What is taken out is returned too, so the
// preview can say so: nothing disappears without the office being told.

export interface NormalizedText {
  paragraphs: string[];
  /** Lines recognised as page furniture and left out of the outline. */
  furniture: string[];
}

// Invisible characters that editors and web pages leave behind (zero-width spaces, BOM,
// soft hyphen); they would break the marker patterns and never carry meaning here.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Ideographic space, no-break spaces and tabs all read as one ordinary space.
const SPACES = /[\u3000\u00a0\u2002-\u200a\u202f\u205f\t]+/g;

const FURNITURE: RegExp[] = [
  // The article header of a government site: source, date, author, hit counter, font size.
  /^(来源|稿源|信息来源|文章来源|发布时间|发布日期|发布机构|发文机关|更新时间|作者|编辑|责任编辑|审核|浏览次数|浏览量|点击数|点击量|访问量|阅读次数|阅读数|阅读量)\s*[:：]/,
  /^(日期|时间)\s*[:：]\s*\d{4}\s*[-/.年]/,
  /^(所在位置|当前位置|您现在的位置|您的位置)\s*[:：]/,
  /^分享到/,
  /^[【[]?\s*(字体|字号)\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中/,
  /^(主办单位|承办单位|合作单位|协办单位|主管单位|技术支持|网站标识码|版权所有|联系我们|网站地图|网站声明)(\s*[:：]|\s*$)/,
  /^(上一篇|下一篇|相关链接|相关阅读|相关文章|附件下载)\s*[:：]/,
  // Buttons and lone links: whole-line matches only, so a sentence starting "关闭…" stays.
  /^([【[]?(打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|收藏|扫一扫(在手机打开当前页)?|投稿邮箱|我要纠错)[】\]]?\s*)+$/,
  /ICP备|ICP证|公网安备/,
  // A lone e-mail address or a page number ("— 3 —", "第 2 页 共 9 页").
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/,
  /^[—－-]+\s*\d{1,4}\s*[—－-]+$/,
  /^第\s*\d+\s*页\s*[/,，]?\s*共\s*\d+\s*页$/,
  // "附件:" with nothing after it: the web page's empty attachment list.
  /^附件\s*[:：]?$/,
];

/** "１２" → "12": full-width digits read as ASCII (markers, dates and counts alike). */
function foldFullWidthDigits(line: string): string {
  return line.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function isFurniture(line: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(line));
}

// A marker alone on its line ("(一)" then the title on the next line) is how some
// converters and some typists break a heading; the two belong together.
const LONE_MARKER =
  /^(第\s*[一二三四五六七八九十百零〇两\d]+\s*(个)?方面(问题)?|[一二三四五六七八九十百零〇]+\s*[、.．]|[(（]\s*[一二三四五六七八九十百零〇\d]+\s*[)）]|\d{1,3}\s*[.．、]|[①-⑳⑴-⒇])$/;

export function normalizeText(raw: string): NormalizedText {
  const lines = raw
    .replace(/\r\n?|[\u2028\u2029\f\v]/g, "\n")
    .split("\n")
    .map((line) => foldFullWidthDigits(line.replace(INVISIBLE, "").replace(SPACES, " ")).replace(/ {2,}/g, " ").trim())
    .filter((line) => line !== "");

  const paragraphs: string[] = [];
  const furniture: string[] = [];
  let pendingMarker = "";
  for (const line of lines) {
    if (isFurniture(line)) {
      furniture.push(line);
      continue;
    }
    if (LONE_MARKER.test(line)) {
      pendingMarker += line;
      continue;
    }
    paragraphs.push(pendingMarker + line);
    pendingMarker = "";
  }
  if (pendingMarker) paragraphs.push(pendingMarker);
  return { paragraphs, furniture };
}
