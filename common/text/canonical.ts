/**
 * The one canonical form of text the product stores and hashes: well-formed
 * Unicode (a lone UTF-16 surrogate becomes U+FFFD, as every database and JSON
 * encoder would write it anyway), NFC, and no NUL (PostgreSQL cannot store it).
 * Hashing what is stored, and storing what was hashed, keeps the audit chain
 * verifiable whatever a client sends.
 */
const NUL = new RegExp(String.fromCharCode(0), 'g');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const HAS_LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function canonicalText(text: string): string {
  // NUL goes first: dropped after composing, it would leave a letter and its mark apart
  // ("e", NUL, U+0301 becoming a decomposed "é"), text that is not NFC and that storage
  // would then compose differently from what was hashed.
  const withoutNul = text.includes('\u0000') ? text.replace(NUL, '') : text;
  const wellFormed = HAS_LONE_SURROGATE.test(withoutNul) ? withoutNul.replace(LONE_SURROGATE, '\ufffd') : withoutNul;
  return wellFormed.normalize('NFC');
}

/** True when `canonicalText` would change nothing: the cheap test for hot paths. */
export function isCanonicalText(text: string): boolean {
  return !HAS_LONE_SURROGATE.test(text) && !text.includes('\u0000') && text.normalize('NFC') === text;
}
