/**
 * An editor's document as the core reads it: the shape of vscode-markdown-languageservice's `ITextDocument`
 * (and of vscode-languageserver-textdocument's `TextDocument`), narrowed to what the core needs. The URI
 * is mapped to a site path by text/uris.ts; `version` grows with every edit of the document, so
 * (uri, version) names one text and a cache needs no comparison of texts.
 */
export interface EditorDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}
