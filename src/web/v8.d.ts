interface ErrorConstructor {
  /** V8 (Chromium, Node): how many frames a stack keeps; the core lowers it around YAML parsing. */
  stackTraceLimit: number;
}
