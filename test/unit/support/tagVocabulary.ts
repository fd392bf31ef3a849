/**
 * A blog's tag vocabulary written for the tag-typo accuracy test: a few hundred tags of a technical
 * and personal blog with usage counts shaped like real ones (a few tags on dozens of posts, a long
 * tail on one or two), case, separator and plural variants as writers leave them, and distinct words
 * one edit apart that must never be taken for misspellings. Our own list, not taken from any blog.
 */
const vocabulary = `
javascript:48 python:41 kubernetes:37 docker:33 go:31 rust:29 linux:27 devops:26 react:25 aws:24
typescript:23 databases:22 postgres:21 security:21 testing:20 career:19 open source:19 css:18 git:18 cloud:17
performance:17 terraform:16 machine learning:16 ai:15 java:15 node:15 api:14 microservices:14 observability:13 monitoring:13
books:13 travel:12 writing:12 productivity:12 design:11 architecture:11 ci/cd:11 github:11 html:10 vue:10
ruby:10 rails:10 kafka:9 redis:9 graphql:9 serverless:9 azure:9 networking:9 bash:9 vim:8
life:8 photography:8 hiking:8 running:8 cooking:8 music:8 interviews:8 leadership:8 startups:8 tutorial:8
android:7 ios:7 swift:7 kotlin:7 flutter:7 mysql:7 mongodb:7 elasticsearch:7 nginx:7 ansible:7
helm:7 prometheus:7 grafana:7 opentelemetry:6 tracing:6 logging:6 metrics:6 sre:6 incident response:6 postmortem:6
sql:6 data engineering:6 spark:6 pandas:6 numpy:6 jupyter:6 statistics:6 visualization:6 llm:6 deep learning:6
webassembly:5 wasm:5 deno:5 bun:5 svelte:5 angular:5 nextjs:5 astro:5 hugo:5 jekyll:5
accessibility:5 frontend:5 backend:5 fullstack:5 mobile:5 raspberry pi:5 electronics:5 3d printing:5 gaming:5 biking:5
code:9 Rust:6 sass:5 saas:4 unit testing:5 biology:3 math:5 physics:4 chemistry:3 history:4
prisma:4 spring:5 agile:5 scrum:4 kanban:3 product management:4 ux:4 ui:4 seo:4 marketing:4
emacs:4 tmux:4 zsh:4 dotfiles:4 homelab:4 self-hosting:4 proxmox:3 kubernetes operators:3 istio:3 envoy:3
grpc:4 protobuf:3 rest:4 websockets:3 http:4 dns:4 tls:4 oauth:3 authentication:4 cryptography:3
c:4 c++:4 c#:4 haskell:3 elixir:3 erlang:3 clojure:3 scala:3 ocaml:3 zig:3
compilers:3 algorithms:4 data structures:3 concurrency:4 distributed systems:4 consensus:3 raft:3 caching:3 queues:3 event sourcing:3
ebpf:3 wireguard:3 vpn:3 firewall:3 ssh:3 systemd:3 debian:3 ubuntu:3 arch linux:3 nixos:3
family:3 parenting:3 health:3 fitness:3 meditation:3 coffee:3 baking:3 gardening:3 reading:3 podcasts:3
conference:4 talks:3 meetups:3 mentoring:3 hiring:3 remote work:3 burnout:3 management:3 teams:3 culture:3
year in review:3 announcements:3 release notes:3 changelog:3 migration:3 refactoring:3 legacy code:3 code review:3 documentation:3 tooling:3
JavaScript:9 Javascript:2 Docker:3 Python:4 open-source:4 opensource:2 Kubernetes:2 dev ops:1 DevOps:3 node.js:3
iso:1 Xcode:1 trust:1 panda:1 prism:1 tips:4 linus:1 unit:1 demo:1 wiring:1
sprint:1 resign:1 vuex:2 vi:1 cs:1 huge:1 clout:1 flash:1 trails:1 gravel:1
making:1 toffee:1 scale:1 bpf:1 wasi:1 web2:1 web3:2 python3:2 es6:1 es2015:1
k3s:2 k8s:3 vue3:2 angularjs:1 gatsby:2 webgl:2 love:2 live:1 data:3 date:1
tdd:2 bdd:1 ddd:1 rss:2 lambda:2 lambdas:1 ux design:2 ui design:1 game dev:2 gamedev:1
sre book:1 smart home:2 home assistant:2 keyboards:2 mechanical keyboards:1 fonts:2 typography:2 color:2 colour:1 sketching:1
rant:2 opinion:2 humor:2 personal:2 meta:2 site news:1 blogging:2 indieweb:2 rss feeds:1 static sites:2
latex:1 pdf:1 markdown:2 regex:2 unicode:1 emoji:1 i18n:2 l10n:1 timezones:1 dates:1
vulkan:1 opengl:1 shaders:1 ray tracing:1 audio:1 synths:1 midi:1 guitar:1 piano:1 vinyl:1
chess:1 go game:1 puzzles:1 board games:1 lego:1 woodworking:1 sewing:1 knitting:1 pottery:1 painting:1
`;

export interface VocabularyTag {
  readonly tag: string;
  readonly count: number;
}

// `tag:count` entries separated by white space (a tag may hold spaces, never a colon).
export const tagVocabulary: readonly VocabularyTag[] = [...vocabulary.matchAll(/([^:]+?):(\d+)/g)].map((match) => ({ tag: match[1]!.trim(), count: Number(match[2]) }));

/**
 * Rare tags beside a common tag one edit (or one spelling) away that are distinct words, or the same
 * word kept on purpose: never a `tag-typo`, whatever the post says.
 */
export const distinctNearPairs: readonly (readonly [rare: string, common: string])[] = [
  ['Xcode', 'code'],
  ['trust', 'Rust'],
  ['panda', 'pandas'],
  ['saas', 'sass'],
  ['vuex', 'vue'],
  ['vi', 'vim'],
  ['cs', 'css'],
  ['huge', 'hugo'],
  ['clout', 'cloud'],
  ['flash', 'flask'],
  ['trails', 'rails'],
  ['making', 'baking'],
  ['toffee', 'coffee'],
  ['scale', 'scala'],
  ['bpf', 'ebpf'],
  ['wasi', 'wasm'],
  ['web2', 'web3'],
  ['python3', 'python'],
  ['k3s', 'k8s'],
  ['vue3', 'vue'],
  ['angularjs', 'angular'],
  ['date', 'data'],
  ['bdd', 'tdd'],
  ['ddd', 'tdd'],
  ['rss', 'css'],
  ['unit', 'unit testing'],
];

/**
 * Rare words one typo-shaped edit from a common tag (`demo`/`deno`, `linus`/`linux`): from the tags
 * alone they read as typos, and a human would ask too. They are words where the post writes them in
 * its text, as a post tagged `demo` does; there they must stay silent.
 */
export const nearPairsInContext: readonly (readonly [rare: string, common: string])[] = [
  ['linus', 'linux'],
  ['gravel', 'travel'],
  ['sprint', 'spring'],
  ['demo', 'deno'],
  ['live', 'love'],
  ['resign', 'design'],
  ['iso', 'ios'],
  ['prism', 'prisma'],
  ['wiring', 'writing'],
];
