// Jekyll as the oracle: each fixture site named jekyll-* (test/fixtures/sites/) is built with the real
// `jekyll` (Debian's 4.3, which `npm test` installs) with drafts, future and unpublished posts, and its
// pages and documents are compared with Postcraft's site model: which files are pages, their title,
// draft state, tags (with categories) and authors; and a file Jekyll refuses (an invalid date stops the
// build) must get an error. Jekyll has no languages and Postcraft no permalinks yet (a later issue).
import { oracleSuite } from './support/oracleSuite';
import { buildWithJekyll, jekyllAvailable } from './support/jekyllBuild';

oracleSuite('Jekyll', 'jekyll-', jekyllAvailable(), buildWithJekyll);
