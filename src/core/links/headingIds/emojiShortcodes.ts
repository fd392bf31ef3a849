/**
 * The text with its emoji shortcodes as the emoji goldmark-emoji (Hugo's `enableEmoji`) or remark-emoji (an Astro
 * site's remark plugin) makes of them, which every sanitizer and github-slugger drop:
 * `## :lock: Security` gets `-security` (hugo 0.111.3 with `enableEmoji`), `10:30:45` stays digits. Names are
 * GitHub's, lowercase letters, digits, `_`, `+` and `-` with a letter among them, or `+1`, `-1`, `100` and `1234`;
 * a shortcode GitHub has no emoji for (`:foo:`) stays text in Hugo and is taken for one here.
 */
export function withEmoji(text: string): string {
  return text.includes(':') ? text.replace(/:(?:[a-z0-9_+-]*[a-z][a-z0-9_+-]*|[+-]1|100|1234):/g, '\u{1F600}') : text;
}
