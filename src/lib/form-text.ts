/**
 * Form text as stored: line breaks as \n (browsers send \r\n) and control characters removed (NUL, which
 * PostgreSQL text refuses, …), deeply through arrays and objects; uploaded files (Buffers) stay as they are.
 */
export function withoutControlCharacters(value: unknown): unknown {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  if (Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControlCharacters(v)]));
  return value;
}
