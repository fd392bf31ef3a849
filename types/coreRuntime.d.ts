// The globals the core may use: web standards that both Node (≥ 20: the CLI, the desktop extension host,
// the language server) and a browser's web worker (VS Code for the Web) provide. Only tsconfig.core.json
// reads this file; it compiles src/core with `lib: ["ES2023"]` and no `@types/node`, so `node:*` imports,
// `Buffer`, `process`, `setImmediate` or DOM globals (`document`, `window`) do not compile in the core.
// Add a global here only when it exists in both runtimes, with the part of its shape the core uses.

interface TextDecodeOptions {
  stream?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  pathname: string;
  protocol: string;
  search: string;
  toString(): string;
}

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function queueMicrotask(callback: () => void): void;

declare const performance: { now(): number };

interface MessagePortLike {
  addEventListener(type: 'message', listener: (event: unknown) => void): void;
  start(): void;
  postMessage(message: unknown): void;
}

declare class MessageChannel {
  readonly port1: MessagePortLike;
  readonly port2: MessagePortLike;
}

interface ErrorConstructor {
  /** V8's (Node, Chromium): elsewhere a plain property that changes nothing. */
  stackTraceLimit: number;
}
