#!/bin/bash
# live-latency.sh URL TOKEN: on a running `opgraph serve`, the time from
# sending ingestArticle to a factsAdded subscriber receiving its event.
# The article is made up here (our own words), with a URL unique to the run.
set -euo pipefail
URL=${1:?usage: live-latency.sh URL TOKEN}
TOKEN=${2:?usage: live-latency.sh URL TOKEN}
SLUG=latency-$(date +%s%N)
exec 3< <(curl -sN -H 'Accept: text/event-stream' -H 'Content-Type: application/json' "$URL/graphql" \
  -d '{"query":"subscription { factsAdded { articles { id } facts { id } } }"}')
read -r _ <&3 # ": subscribed": the server has registered the subscription
t0=$(date +%s.%N)
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$URL/graphql" \
  -d "{\"query\":\"mutation(\$in: ArticleInput!) { ingestArticle(input: \$in) { id } }\",\"variables\":{\"in\":{\"title\":\"$SLUG\",\"url\":\"https://news.example/$SLUG\",\"published\":\"2024-03-01\",\"text\":\"Kent Police said 12 people were arrested in raids across Maidstone.\"}}}"
t1=$(date +%s.%N)
while read -r line <&3; do
  if [ "$line" = "event: next" ]; then break; fi
done
t2=$(date +%s.%N)
echo "mutation answered after $(echo "$t1 - $t0" | bc) s, event after $(echo "$t2 - $t0" | bc) s"
