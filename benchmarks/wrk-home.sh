#!/usr/bin/env bash
# Portal home page vs a trivial endpoint of the same process, under wrk (64 connections, 30 s
# each, back to back in one run). Needs Debian's wrk (apt-get install -y wrk) and a Release build
# of src/OrchardPortal.Web (dotnet build -c Release src/OrchardPortal.Web).
# Usage: benchmarks/wrk-home.sh [port]   — results go to stdout; copy them to docs/benchmarks.md.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:-5087}"
tenant="acme"
app_data="$(mktemp -d /tmp/orchardportal-wrk.XXXXXX)"
jar="$app_data/cookies.txt"
host_url="http://127.0.0.1:$port"
log() { printf '[wrk-home] %s\n' "$*" >&2; }

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }

ASPNETCORE_ENVIRONMENT=Production dotnet run -c Release --no-build --project "$repo_root/src/OrchardPortal.Web" -- \
  --Urls="$host_url" --Storage:AppDataPath="$app_data/App_Data" >"$app_data/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$host_url/signup" && break
  sleep 0.5
done

# Sign up through the real form (antiforgery token + cookie). The standard recipe publishes the
# welcome text on the home page, so the tenant's home is a published, themed page.
token="$(curl -fs -c "$jar" "$host_url/signup" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
status="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$host_url/signup" \
  --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "CompanyName=Acme Lawn Care" --data-urlencode "Subdomain=$tenant" \
  --data-urlencode "OwnerName=Ada Acme" --data-urlencode "OwnerEmail=ada@acme.example.com" \
  --data-urlencode "OwnerPassword=Granite-Harbor-Sunset-42" --data-urlencode "RecipeName=default")"
log "signup answered $status"
home_status="$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $tenant.localhost" "$host_url/")"
[[ $home_status == 200 ]] || { log "tenant home answered $home_status"; cat "$app_data/server.log" >&2; exit 1; }

# Warm both paths (JIT, template cache) before measuring.
wrk -t2 -c16 -d5s -H "Host: $tenant.localhost" "$host_url/" >/dev/null
wrk -t2 -c16 -d5s "$host_url/signup/check?subdomain=x" >/dev/null

echo "== home page: GET / (Host: $tenant.localhost)"
wrk -t2 -c64 -d30s --latency -H "Host: $tenant.localhost" "$host_url/"
echo "== trivial endpoint: GET /signup/check?subdomain=x (host site)"
wrk -t2 -c64 -d30s --latency "$host_url/signup/check?subdomain=x"
