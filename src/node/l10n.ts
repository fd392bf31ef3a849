import * as l10n from '@vscode/l10n';
import type { Translate } from '../core/l10n/message';
import spanish from '../../l10n/bundle.l10n.es.json';

// The translations, in the bundle (no path to find at run time, in the extension's folder or a CLI package).
// A new language: its l10n/bundle.l10n.<locale>.json, imported and listed here.
const bundles: Readonly<Record<string, Record<string, string>>> = { es: spanish };

/**
 * The bundle for a BCP 47 locale (an LSP client's `es-MX`) or a POSIX one (`LANG=es_ES.UTF-8`): the exact
 * language and region, else the language; none (English) when Postcraft has no translation.
 */
export function bundleFor(locale: string | undefined): Record<string, string> | undefined {
  const tag = locale?.toLowerCase().split(/[.@]/)[0]!.replace('_', '-') ?? '';
  return bundles[tag] ?? bundles[tag.split('-')[0]!];
}

/** Sets the language of `translate` for the process (@vscode/l10n keeps one bundle). */
export function useLocale(locale: string | undefined): void {
  l10n.config({ contents: bundleFor(locale) ?? {} });
}

/** The locale a command-line program speaks by POSIX rules: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeOfEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return locale && locale !== 'C' && locale !== 'POSIX' ? locale : undefined;
}

// The core's English templates are the bundle's keys (core/l10n/message.ts). `translateKey`, not `l10n.t`:
// the export script reads literal keys only, and these are the core's, exported from its `msg(…)` calls.
const translateKey = l10n.t;
export const translate: Translate = (template, args) => translateKey(template, ...args);
