package io.firebreak.systemtests;

import static io.firebreak.devstack.FirebreakService.MONITORING;
import static io.firebreak.devstack.FirebreakService.NOTIFICATION;
import static io.firebreak.devstack.FirebreakService.PLAYBOOK;
import static io.firebreak.devstack.FirebreakService.PUBLISHING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.DevStack;
import io.firebreak.devstack.FirebreakService;
import io.firebreak.devstack.PostgresServer;
import io.firebreak.devstack.emulator.PlatformEmulator;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventTypes;
import io.firebreak.events.MentionReceived;
import io.firebreak.events.Topics;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Parts of the system die in the middle of the story: each service is killed with {@code kill -9} and started
 * again, the Kafka broker and PostgreSQL are restarted, the Mastodon emulator answers 503, 429 and hangs past the
 * caller's timeout. What was accepted before is counted afterwards: every mention scored, every signal turned into
 * a proposed crisis, every approved statement published exactly once, every role holder notified.
 */
class FaultToleranceIT {

    private static final Duration RECOVERY = Duration.ofMinutes(4);
    private static final int MENTIONS_PER_WAVE = 200;

    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Test
    void nothingAcceptedIsLostWhileEveryPartIsKilledAndRestarted() throws Exception {
        DevStack stack = RunningSystem.stack();
        String bootstrap = RunningSystem.get().kafkaBootstrapServers();

        // 1. Mentions on Kafka while monitoring-service is killed, across a broker and a database restart.
        Set<String> scored = new HashSet<>();
        try (TopicProbe scoredMentions = TopicProbe.watch(bootstrap, Topics.MENTIONS_SCORED)) {
            sendMentions(bootstrap, 0);
            kill(stack, MONITORING);
            sendMentions(bootstrap, 1);
            stack.up(true);
            restartKafka(stack);
            sendMentions(bootstrap, 2);
            restartPostgres(stack); // while wave 2 is being stored: the consumer retries until the database is back
            while (scored.size() < 3 * MENTIONS_PER_WAVE) {
                JsonNode event = scoredMentions.awaitEvent(mention -> mention.at("/data/externalId").asText()
                        .startsWith(run + "-") && !scored.contains(mention.at("/data/externalId").asText()), RECOVERY);
                scored.add(event.at("/data/externalId").asText());
            }
        }
        assertThat(scored).as("every mention sent is scored once it is back").hasSize(3 * MENTIONS_PER_WAVE);

        // 2. Signals raised while playbook-service is down still propose their crises.
        List<UUID> watches = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String channelId = createChannel();
        String playbookId = createPlaybook(watches, channelId);
        kill(stack, PLAYBOOK);
        for (UUID watch : watches) {
            given().auth().oauth2(KeycloakTokens.of("analyst")).contentType(ContentType.JSON)
                    .body(Map.of("watchId", watch.toString(), "watchName", "fault test " + run, "severity", "CRITICAL",
                            "summary", "Customers cannot pay"))
                    .post(RunningSystem.url(MONITORING) + "/api/signals").then().statusCode(201);
        }
        stack.up(true);
        List<String> crises = watches.stream().map(watch -> awaitProposed(watch, playbookId)).toList();

        // 3. Notification-service is down when the crisis is activated; the spokesperson is reached anyway. It is
        //    killed again while the escalation waits for the spokesperson's answer: the escalation resumes where it
        //    stopped (the backup is paged at the step's deadline, the spokesperson is not paged twice).
        String crisisId = crises.get(0);
        putEscalationPolicy();
        try {
            kill(stack, NOTIFICATION);
            assign(crisisId, "employee2", false);
            assign(crisisId, "employee", true);
            given().auth().oauth2(KeycloakTokens.of("crisis-manager")).contentType(ContentType.JSON)
                    .body(Map.of("reason", "fault test")).post(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId
                            + "/activate").then().statusCode(200);
            stack.up(true);
            // the primary hears of the assignment while the crisis is proposed, then is paged when it is active
            await().atMost(RECOVERY).untilAsserted(() -> assertThat(given().auth().oauth2(KeycloakTokens.of("employee2"))
                    .get(RunningSystem.url(NOTIFICATION) + "/api/me/notifications?size=200").then().statusCode(200)
                    .extract().jsonPath().getList("findAll { it.crisisId == '" + crisisId + "' }.crisisStatus",
                            String.class)).contains("ACTIVE"));
            int pagesOfThePrimary = notificationsOf("employee2", crisisId).size();
            assertThat(notificationsOf("employee", crisisId)).as("the backup waits for the step's deadline").isEmpty();
            kill(stack, NOTIFICATION);
            stack.up(true);
            await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(notificationsOf("employee", crisisId)).contains("spokesperson"));
            assertThat(notificationsOf("employee2", crisisId)).as("the primary is not paged again")
                    .hasSize(pagesOfThePrimary);
            String backupsNotification = given().auth().oauth2(KeycloakTokens.of("employee"))
                    .get(RunningSystem.url(NOTIFICATION) + "/api/me/notifications").then().statusCode(200)
                    .extract().jsonPath().getString("find { it.crisisId == '" + crisisId + "' }.id");
            given().auth().oauth2(KeycloakTokens.of("employee"))
                    .post(RunningSystem.url(NOTIFICATION) + "/api/notifications/" + backupsNotification + "/ack")
                    .then().statusCode(200);
            await().atMost(RECOVERY).untilAsserted(() -> assertThat(given().auth().oauth2(KeycloakTokens.of("admin"))
                    .get(RunningSystem.url(NOTIFICATION) + "/api/escalations?crisisId=" + crisisId)
                    .then().statusCode(200).extract().jsonPath().getList("state", String.class))
                    .as("the acknowledgement stops the escalation before the crisis manager's step").containsOnly("STOPPED"));
        } finally {
            given().auth().oauth2(KeycloakTokens.of("admin"))
                    .delete(RunningSystem.url(NOTIFICATION) + "/api/escalation-policies/CRITICAL");
        }

        // 4. Statements approved while Mastodon fails, publishing-service is killed and PostgreSQL restarts.
        injectFault(503, 3, 0, 0);
        List<String> statements = List.of(approve(crisisId, "HOLDING"), approve(crisisId, "UPDATE"));
        kill(stack, PUBLISHING);
        restartPostgres(stack);
        stack.up(true);
        injectFault(429, 2, 1, 0);
        String apology = approve(crisisId, "APOLOGY");
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(publishedStates(crisisId)).hasSize(3).containsOnly("PUBLISHED"));
        // Mastodon hangs longer than publishing-service's HTTP timeout (10 s): the post is sent again, once
        injectFault(503, 1, 0, 12);
        String afterTimeout = approve(crisisId, "UPDATE");
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(publishedStates(crisisId)).hasSize(4).containsOnly("PUBLISHED"));
        List<String> externalIds = given().auth().oauth2(KeycloakTokens.of("communicator"))
                .get(RunningSystem.url(PUBLISHING) + "/api/publications?crisisId=" + crisisId + "&size=100")
                .then().statusCode(200).extract().jsonPath().getList("externalId");
        List<String> posted = given().get(RunningSystem.get().emulatorUrl() + "/emulator/mastodon/statuses")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(posted).as("statements %s, %s and %s, each posted exactly once", statements, apology, afterTimeout)
                .containsOnlyOnceElementsOf(externalIds);
    }

    /** Critical crises (only this test raises them): the backup one minute after the primary, then the manager. */
    private static void putEscalationPolicy() {
        given().auth().oauth2(KeycloakTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("rounds", 1, "steps", List.of(Map.of("target", "PRIMARY", "waitMinutes", 1),
                        Map.of("target", "BACKUP", "waitMinutes", 1), Map.of("target", "CRISIS_MANAGER", "waitMinutes", 1))))
                .put(RunningSystem.url(NOTIFICATION) + "/api/escalation-policies/CRITICAL").then().statusCode(200);
    }

    private static void assign(String crisisId, String user, boolean backup) {
        given().auth().oauth2(KeycloakTokens.of("crisis-manager")).contentType(ContentType.JSON)
                .body(Map.of("role", "spokesperson", "backup", backup, "person", Map.of(
                        "subject", KeycloakTokens.subjectOf(user), "username", user,
                        "email", user + "@firebreak.local")))
                .post(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId + "/assignments").then().statusCode(201);
    }

    /** The roles of {@code user}'s notifications about the crisis, one per notification. */
    private static List<String> notificationsOf(String user, String crisisId) {
        return given().auth().oauth2(KeycloakTokens.of(user))
                .get(RunningSystem.url(NOTIFICATION) + "/api/me/notifications?size=200").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.crisisId == '" + crisisId + "' }.role", String.class);
    }

    private void sendMentions(String bootstrap, int wave) {
        for (int i = 0; i < MENTIONS_PER_WAVE; i++) {
            String externalId = run + "-" + wave + "-" + i;
            MentionReceived mention = new MentionReceived("fault-test", externalId, "@customer" + i,
                    "Banque Horizon app is down again, I can't pay anything", "en",
                    "https://social.example/" + externalId, Instant.now(), 100L, 3L);
            try {
                String event = EventJson.newMapper().writeValueAsString(CloudEvent.of("/fault-test",
                        EventTypes.MENTION_RECEIVED, externalId, mention));
                TopicProbe.send(bootstrap, Topics.MENTIONS_RAW, "fault-test:" + externalId, event);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void kill(DevStack stack, FirebreakService service) {
        ProcessHandle process = ProcessHandle.of(pid(stack, service.module())).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    private static void restartKafka(DevStack stack) {
        ProcessHandle broker = ProcessHandle.of(pid(stack, "Kafka")).orElseThrow();
        broker.destroyForcibly();
        broker.onExit().join();
        stack.up(true);
    }

    private static void restartPostgres(DevStack stack) {
        PostgresServer.restart(stack.settings().postgresData(), stack.settings().postgresBinaries(),
                stack.settings().postgresPort());
    }

    private static long pid(DevStack stack, String component) {
        return stack.status().stream().filter(status -> status.name().equals(component)).findFirst()
                .orElseThrow().pid().orElseThrow();
    }

    private static void injectFault(int status, int count, int retryAfterSeconds, int delaySeconds) {
        given().contentType(ContentType.JSON).body(Map.of("platform", "mastodon", "status", status, "count", count,
                        "retryAfterSeconds", retryAfterSeconds, "delaySeconds", delaySeconds))
                .post(RunningSystem.get().emulatorUrl() + "/emulator/faults").then().statusCode(204);
    }

    private String createChannel() {
        return given().auth().oauth2(KeycloakTokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Mastodon (fault test " + run + ")", "platform", "MASTODON",
                        "baseUrl", RunningSystem.get().emulatorUrl() + "/mastodon", "account", "firebreak",
                        "credentials", Map.of("accessToken", PlatformEmulator.MASTODON_TOKEN)))
                .post(RunningSystem.url(PUBLISHING) + "/api/channels").then().statusCode(201).extract().path("id");
    }

    private String createPlaybook(List<UUID> watches, String channelId) {
        StringBuilder triggers = new StringBuilder();
        for (UUID watch : watches) {
            triggers.append(triggers.isEmpty() ? "" : ", ")
                    .append("{\"watchId\": \"").append(watch).append("\", \"minSeverity\": \"MEDIUM\"}");
        }
        String definition = """
                {"scenario": {"name": "Payment outage (fault test %1$s)", "type": "OUTAGE",
                              "description": "Card payments fail", "strategy": "Acknowledge, update, apologise"},
                 "triggers": [%2$s],
                 "roles": [{"name": "spokesperson", "responsibilities": ["Speak for the bank"], "tasks": []}],
                 "templates": [
                   {"phase": "HOLDING", "channel": "%3$s", "language": "en",
                    "text": "{{brand}} knows that card payments fail. Next update at {{next_update_time}}."},
                   {"phase": "UPDATE", "channel": "%3$s", "language": "en",
                    "text": "{{brand}}: payments work again for most of you."},
                   {"phase": "APOLOGY", "channel": "%3$s", "language": "en",
                    "text": "{{brand}} apologises for the failed payments."}],
                 "audiences": [{"name": "customers", "channels": ["%3$s"]}]}""".formatted(run, triggers, channelId);
        return given().auth().oauth2(KeycloakTokens.of("admin")).contentType(ContentType.JSON).body(definition)
                .post(RunningSystem.url(PLAYBOOK) + "/api/playbooks").then().statusCode(201).extract().path("id");
    }

    private static String awaitProposed(UUID watch, String playbookId) {
        return await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                        .get(RunningSystem.url(PLAYBOOK) + "/api/crises?status=PROPOSED&size=500")
                        .then().statusCode(200).extract().jsonPath()
                        .getString("find { it.watchId == '" + watch + "' && it.playbookId == '" + playbookId + "' }.id"),
                id -> id != null);
    }

    private static String approve(String crisisId, String phase) {
        String statementId = given().auth().oauth2(KeycloakTokens.of("communicator")).contentType(ContentType.JSON)
                .body(Map.of("phase", phase, "channel", channelOf(crisisId), "language", "en",
                        "values", Map.of("brand", "Banque Horizon", "next_update_time", "10:00 UTC")))
                .post(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId + "/statements")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("approver")).contentType(ContentType.JSON).body(Map.of())
                .post(RunningSystem.url(PLAYBOOK) + "/api/statements/" + statementId + "/approve")
                .then().statusCode(200);
        return statementId;
    }

    /** The channel the playbook's templates name: the crisis' playbook has one. */
    private static String channelOf(String crisisId) {
        String playbookId = given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                .get(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId).then().statusCode(200)
                .extract().path("playbookId");
        return given().auth().oauth2(KeycloakTokens.of("admin"))
                .get(RunningSystem.url(PLAYBOOK) + "/api/playbooks/" + playbookId).then().statusCode(200)
                .extract().path("definition.templates[0].channel");
    }

    private static List<String> publishedStates(String crisisId) {
        return given().auth().oauth2(KeycloakTokens.of("communicator"))
                .get(RunningSystem.url(PUBLISHING) + "/api/publications?crisisId=" + crisisId + "&size=100")
                .then().statusCode(200).extract().jsonPath().getList("state");
    }
}
