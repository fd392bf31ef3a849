// Hugo as the oracle: each fixture site named hugo-* (test/fixtures/sites/) is built with the real `hugo`
// (Debian's 0.111, which `npm test` installs) and its pages are compared with Postcraft's site model:
// which content files are pages, their language, title, draft state, tag and author terms; that a page
// Hugo builds gets no error saying its frontmatter cannot be read; that a date Hugo drops, and a file it
// refuses, get one. Permalinks are not compared: Postcraft's model has no notion of them yet (a later
// issue). Pages Hugo reads but lists nowhere (`headless`, `_build`) are invisible to the oracle layout.
import { oracleSuite } from './support/oracleSuite';
import { buildWithHugo, hugoAvailable } from './support/hugoBuild';

oracleSuite('Hugo', 'hugo-', hugoAvailable(), buildWithHugo);
