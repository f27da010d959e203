import "server-only";
import crypto from "node:crypto";

// Passwords the system hands out (command line, organisation import). They are read off a
// sheet and typed once, then replaced at first sign-in: no look-alike characters, and
// always letters and digits, as the password rule requires.
const LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ";
const DIGITS = "23456789";

export function oneTimePassword(length = 12): string {
  const all = LETTERS + DIGITS;
  const pick = (alphabet: string) => alphabet[crypto.randomInt(alphabet.length)]!;
  const chars = [pick(LETTERS), pick(DIGITS), ...Array.from({ length: length - 2 }, () => pick(all))];
  // Shuffle so the letter and digit are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
