#!/usr/bin/env bash
# playbook-service under load: GET /api/crises/{id} and GET /api/me/assignments with wrk at a fixed rate, and
# statement approval → event on Kafka. Builds the module (without tests), then runs PlaybookLoadBenchmark, which
# starts PostgreSQL, Kafka, the test OIDC server and the packaged service itself and prints the figures.
# Usage: playbook-service/bench/run.sh [seconds per run (30)] [requests/s (1000)] [connections (20)] [approvals (200)]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o install -pl playbook-service -DskipTests
cd playbook-service
../mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  io.firebreak.playbook.bench.PlaybookLoadBenchmark "$@"
