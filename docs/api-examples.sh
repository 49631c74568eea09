#!/usr/bin/env bash
# Runs the examples of docs/api.md against a server and prints each answer:
#   OPGRAPH_TOKEN=alice:s3cret go run ./cmd/opgraph serve --addr 127.0.0.1:18090 --db "$(mktemp -d)" &
#   bash docs/api-examples.sh http://127.0.0.1:18090 s3cret
set -euo pipefail
url=${1:-http://127.0.0.1:8080}
token=${2:-}
q() { # q NAME QUERY [VARIABLES-JSON] [auth]
  local body
  body=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1], "variables": json.loads(sys.argv[2])}))' "$2" "${3:-{\}}")
  echo "### $1"
  if [ "${4:-}" = auth ]; then
    curl -s "$url/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$body"
  else
    curl -s "$url/graphql" -H 'Content-Type: application/json' -d "$body"
  fi | python3 -m json.tool
}
q list '{ operations(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name agencies { name } targets { name } } } } }'
q filter '{ seizures(first: 5, filter: {agency: "opg:agency/national-crime-agency", commodity: "cash"}) { totalCount edges { node { amount currency qualifier evidence { sentence article { title published } } } } } }'
q both-ways '{ node(id: "opg:agency/metropolitan-police") { ... on Agency { name operations { name } arrests { count operation { name } } people { name roles titles } } } }'
q search '{ search(text: "encrochat", first: 4) { score node { __typename id ... on Platform { name } ... on Operation { name } ... on Article { title } } } }'
q neighborhood '{ neighborhood(id: "opg:operation/eternal", depth: 1) { truncated nodes { id type label } edges { source target predicate } } }'
q paths '{ paths(from: "opg:agency/national-crime-agency", to: "opg:platform/encrochat", maxHops: 3) { length nodes { type label } edges { predicate } } }'
q aggregate '{ aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 3) { key label value count facts(first: 1) { ... on Arrest { count evidence { sentence article { title } } } } } }'
q value-per-currency '{ aggregate(measure: SEIZED_VALUE, groupBy: COMMODITY) { key currency value count } }'
q kg-per-year '{ aggregate(measure: SEIZED_KG, groupBy: YEAR) { key value count } }'
q dated-by-article '{ aggregate(measure: SEIZED_KG, groupBy: YEAR) { key value count datedByArticle } }'
q agency-roles '{ node(id: "opg:operation/trojan-shield") { ... on Operation { name agencyRoles { role agency { name } evidence { sentence } } } } }'
q ingest 'mutation($in: ArticleInput!) { ingestArticle(input: $in) { id title evidence { sentence } } }' \
  '{"in": {"title": "Venetic update", "url": "https://example.org/venetic-update", "published": "2020-07-10", "text": "In the United Kingdom, the National Crime Agency ran Operation Venetic. The NCA said Operation Venetic led to 800 arrests."}}' auth
q conflicts '{ conflicts { kind values operation { name } agency { name } facts { ... on Arrest { count evidence { article { title } } } } } }'
q no-token 'mutation { retractFact(id: "opg:agency/europol", reason: "test") { id } }'
q limits '{ operations(first: 100) { edges { node { arrests { agency { operations { arrests { agency { name } } } } } } } } }'
