// The templates the generators are given in the copy: each prints every page it knows as JSON.

/** Hugo: the home page of the first language prints every page and term of every language. */
export const hugoOracleLayout = `{{- /* Postcraft's oracle: the home page of the first language prints every page and term of every language as JSON. */ -}}
{{- if eq .Lang (index .Sites 0).Language.Lang -}}
{{- $languages := slice -}}
{{- $pages := slice -}}
{{- $terms := slice -}}
{{- range $site := .Sites -}}
{{- $languages = $languages | append $site.Language.Lang -}}
{{- range $site.Pages -}}
{{- if .File -}}
{{- $date := "" -}}
{{- if not .Date.IsZero -}}{{- $date = .Date.Format "2006-01-02T15:04:05Z07:00" -}}{{- end -}}
{{- $dateRead := false -}}{{- with .Params.date -}}{{- $dateRead = true -}}{{- end -}}
{{- $pages = $pages | append (dict "file" .File.Filename "kind" .Kind "language" .Lang "title" .Title "date" $date "dateRead" $dateRead "draft" .Draft "url" .RelPermalink) -}}
{{- end -}}
{{- end -}}
{{- range $taxonomy, $byTerm := $site.Taxonomies -}}
{{- range $term, $entries := $byTerm -}}
{{- range $entries -}}
{{- with .Page.File -}}
{{- $terms = $terms | append (dict "taxonomy" $taxonomy "term" $term "file" .Filename "language" $site.Language.Lang) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
POSTCRAFT-ORACLE{{ dict "languages" $languages "pages" $pages "terms" $terms | jsonify }}
{{- end -}}
`;

/** Jekyll: one page of its own, without layout, printing every page and document. */
export const jekyllOraclePage = `---
layout: null
permalink: /postcraft-oracle.json
sitemap: false
---
{"pages": [
{%- for p in site.pages %}{% if p.path != "postcraft-oracle.json" %}{"path": {{ p.path | jsonify }}, "kind": "page", "title": {{ p.title | jsonify }}, "date": {{ p.date | date_to_xmlschema | jsonify }}, "draft": {{ p.draft | jsonify }}, "tags": {{ p.tags | jsonify }}, "categories": {{ p.categories | jsonify }}, "author": {{ p.author | jsonify }}, "authors": {{ p.authors | jsonify }}, "url": {{ p.url | jsonify }}},{% endif %}
{%- endfor %}
{%- for p in site.documents %}{"path": {{ p.path | jsonify }}, "kind": {{ p.collection | jsonify }}, "title": {{ p.title | jsonify }}, "date": {{ p.date | date_to_xmlschema | jsonify }}, "draft": {{ p.draft | jsonify }}, "tags": {{ p.tags | jsonify }}, "categories": {{ p.categories | jsonify }}, "author": {{ p.author | jsonify }}, "authors": {{ p.authors | jsonify }}, "url": {{ p.url | jsonify }}},
{%- endfor %}null]}
`;
