// A post worker under tsx, for tests: the CLI's bundle is its own workers' script; the sources need a loader.
import { register } from 'tsx/esm/api';

register();
await import('../../../src/cli/postWorker.ts');
