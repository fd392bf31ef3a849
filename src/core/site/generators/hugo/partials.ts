import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/**
 * The text of the partial `name` (`partial "name" .`) as Hugo looks it up: in `_partials/` (Hugo ≥ 0.146), then
 * `partials/`, of each layouts folder in turn, the project's before a theme's; `.html` added to a name without an
 * extension. A name that climbs (`../`) is none. The load's file system reads each file once (listingOnce.ts).
 */
export async function readPartial(fs: SiteFileSystem, layoutDirs: readonly string[], name: string): Promise<string | undefined> {
  const file = /\.[a-z]+$/i.test(name) ? name : `${name}.html`;
  if (file.split('/').includes('..')) return undefined;
  for (const layouts of layoutDirs) {
    for (const dir of ['_partials', 'partials']) {
      const text = await readText(fs, joinPath(layouts, dir, file));
      if (text !== undefined) return text;
    }
  }
  return undefined;
}
