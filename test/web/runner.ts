// A small test runner for the web worker extension host, where mocha's Node runner cannot go (no `fs` to
// find test files, no `process`). Tests run one after another; each line reaches the page console, which
// scripts/webTests.mjs reads, and the last line is the summary it waits for.

type TestBody = () => Promise<void> | void;

const tests: { readonly name: string; readonly body: TestBody }[] = [];
const afterEachHooks: TestBody[] = [];

export function test(name: string, body: TestBody): void {
  tests.push({ name, body });
}

export function afterEach(body: TestBody): void {
  afterEachHooks.push(body);
}

/** Runs every registered test; resolves with the number of failures. */
export async function runTests(title: string, timeoutMs: number): Promise<{ passed: number; failed: number }> {
  console.log(title);
  let passed = 0;
  let failed = 0;
  for (const { name, body } of tests) {
    const started = performance.now();
    try {
      await withTimeout(Promise.resolve().then(body), timeoutMs, name);
      for (const hook of afterEachHooks) await hook();
      passed++;
      console.log(`  ✔ ${name} (${Math.round(performance.now() - started)} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${name}\n      ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      for (const hook of afterEachHooks) await Promise.resolve().then(hook).catch(() => undefined); // the failure is reported already
    }
  }
  return { passed, failed };
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`"${name}" did not finish within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class AssertionError extends Error {}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
