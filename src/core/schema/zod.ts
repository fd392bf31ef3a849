// zod/mini, the tree-shakable build: the classic one was two thirds of the CLI's bundle and a fifth of
// its start-up. Mini carries no messages of its own; these are the English ones classic zod gives.
// Import it as a namespace (`import * as z`) and use members only, or the bundle keeps all of zod.
import { config } from 'zod/mini';
import english from 'zod/v4/locales/en.js';

config(english());

export * from 'zod/mini';
