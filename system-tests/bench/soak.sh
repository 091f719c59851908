#!/usr/bin/env bash
# The whole system for a while under a steady stream of mentions, with crises raised and handled: SoakBenchmark
# starts real Kafka, PostgreSQL, Keycloak and the four packaged services on free ports (under
# system-tests/target/soak-stack), prints throughput, latencies and each process's memory, and stops them.
# Usage: system-tests/bench/soak.sh [minutes (10)] [mentions per second (20000)]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q install -DskipTests
cd system-tests
../mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dfirebreak.repo.root=.. -cp "target/test-classes:$(cat target/bench/classpath.txt)" \
  io.firebreak.systemtests.bench.SoakBenchmark "$@"
