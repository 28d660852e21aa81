/** `url` resolved, when it is an `http:`/`https:` or a relative URL; anything else (`javascript:`, `data:`, `mailto:`…) is `undefined`. */
export function safeUrl(url: string | undefined, base = document.baseURI): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
