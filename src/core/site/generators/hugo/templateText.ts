/** A Go template's code without its comments (`{{/*` to `*\/}}`, dashes allowed): a lookup commented out is none. */
export function withoutTemplateComments(template: string): string {
  return template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
}
