/**
 * A 53-bit hash (cyrb53) as base-36 text: what the caches compare to tell a file or a part of the site
 * model unchanged. Not cryptographic: a cache file is the user's own, and a post's size is compared too.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  return finish(h1, h2);
}

/** `hashText` of texts given one after another, as of their concatenation, without keeping them. */
export function textHasher(): { update(text: string): void; digest(): string } {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  return {
    update(text) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 2654435761);
        h2 = Math.imul(h2 ^ code, 1597334677);
      }
    },
    digest: () => finish(h1, h2),
  };
}

/** `hashText` of bytes (a config file read as it is). */
export function hashBytes(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 2654435761);
    h2 = Math.imul(h2 ^ bytes[i]!, 1597334677);
  }
  return finish(h1, h2);
}

function finish(a: number, b: number): string {
  let h1 = Math.imul(a ^ (a >>> 16), 2246822507);
  h1 ^= Math.imul(b ^ (b >>> 13), 3266489909);
  let h2 = Math.imul(b ^ (b >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
