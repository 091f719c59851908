package io.firebreak.playbook.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.client.PublishingStub;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.firebreak.playbook.reply.ReplyFixtures;
import io.firebreak.playbook.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every role: 401 without a token, 403 for each role not allowed, and the endpoint's answer for
 * each role allowed (on a fresh target, so that each allowed role gets the real answer, not a conflict left by the
 * one before). Everyone is an employee (as in the realm), so /api/me has no wrong role: ownership is checked below.
 */
@QuarkusTest
class SecurityMatrixTest {

    /** One user per realm role; every token also carries {@code employee}. */
    private static final Map<String, String> USER = Map.of(Roles.ADMIN, "ada", Roles.CRISIS_MANAGER, "carol",
            Roles.APPROVER, "abe", Roles.COMMUNICATOR, "cole", Roles.ANALYST, "anna", Roles.EMPLOYEE, "emma");
    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.CRISIS_MANAGER, Roles.APPROVER,
            Roles.COMMUNICATOR, Roles.ANALYST, Roles.EMPLOYEE);
    private static final String CAROL = ReviewFixtures.CAROL;
    private static final String COLE = TestTokens.of("cole", Roles.COMMUNICATOR);
    private static final String NEXT_MONTH = LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString();

    private static final Set<String> PLAYBOOK_READERS = Set.of(Roles.ADMIN, Roles.CRISIS_MANAGER, Roles.COMMUNICATOR,
            Roles.APPROVER);
    private static final Set<String> MANAGERS = Set.of(Roles.CRISIS_MANAGER, Roles.ADMIN);
    private static final Set<String> CRISIS_TEAM = Set.of(Roles.CRISIS_MANAGER, Roles.ADMIN, Roles.APPROVER,
            Roles.COMMUNICATOR, Roles.ANALYST);
    private static final Set<String> STATEMENT_READERS = Set.of(Roles.COMMUNICATOR, Roles.APPROVER,
            Roles.CRISIS_MANAGER, Roles.ADMIN);
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> REPLY_WRITERS = Set.of(Roles.COMMUNICATOR, Roles.CRISIS_MANAGER);
    private static final Set<String> REPLY_READERS = Set.of(Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER);

    /** A request on a target made for the user who sends it. */
    record Call(String path, String body) {
    }

    record Endpoint(String method, String template, Set<String> allowed, int answer, Function<String, Call> target) {

        @Override
        public String toString() {
            return method + " " + template + " " + allowed + " → " + answer;
        }
    }

    private static Endpoint row(String method, String template, Set<String> allowed, int answer,
                                Function<String, Call> target) {
        return new Endpoint(method, template, allowed, answer, target);
    }

    static Stream<Endpoint> endpoints() {
        String bankOutage = PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH");
        return Stream.of(
                row("POST", "/api/playbooks", Set.of(Roles.ADMIN), 201,
                        user -> new Call("/api/playbooks", bankOutage)),
                row("PUT", "/api/playbooks/{id}", Set.of(Roles.ADMIN), 200,
                        user -> new Call("/api/playbooks/" + playbook(), bankOutage)),
                row("GET", "/api/playbooks", PLAYBOOK_READERS, 200, user -> new Call("/api/playbooks", null)),
                row("GET", "/api/playbooks/{id}", PLAYBOOK_READERS, 200,
                        user -> new Call("/api/playbooks/" + playbook(), null)),
                row("GET", "/api/playbooks/{id}/versions/{n}", PLAYBOOK_READERS, 200,
                        user -> new Call("/api/playbooks/" + playbook() + "/versions/1", null)),
                row("POST", "/api/playbooks/{id}/holders", MANAGERS, 201,
                        user -> new Call("/api/playbooks/" + playbook() + "/holders", person())),
                row("GET", "/api/playbooks/{id}/holders", MANAGERS, 200,
                        user -> new Call("/api/playbooks/" + playbook() + "/holders", null)),
                row("DELETE", "/api/playbooks/{id}/holders/{holderId}", MANAGERS, 204, user -> holder()),

                row("POST", "/api/crises", MANAGERS, 201, user -> new Call("/api/crises",
                        "{\"title\":\"Bank app down\",\"severity\":\"HIGH\"}")),
                row("GET", "/api/crises", CRISIS_TEAM, 200, user -> new Call("/api/crises", null)),
                row("GET", "/api/crises/{id}", CRISIS_TEAM, 200, user -> new Call("/api/crises/" + active(), null)),
                row("POST", "/api/crises/{id}/activate", Set.of(Roles.CRISIS_MANAGER), 200,
                        user -> new Call("/api/crises/" + proposed() + "/activate", "{}")),
                row("POST", "/api/crises/{id}/contain", Set.of(Roles.CRISIS_MANAGER), 200,
                        user -> new Call("/api/crises/" + active() + "/contain", "{}")),
                row("POST", "/api/crises/{id}/resolve", Set.of(Roles.CRISIS_MANAGER), 200,
                        user -> new Call("/api/crises/" + decided() + "/resolve", "{}")),
                row("POST", "/api/crises/{id}/dismiss", Set.of(Roles.CRISIS_MANAGER), 200,
                        user -> new Call("/api/crises/" + proposed() + "/dismiss", "{\"reason\":\"noise\"}")),
                row("POST", "/api/crises/{id}/no-apology", Set.of(Roles.CRISIS_MANAGER), 200,
                        user -> new Call("/api/crises/" + active() + "/no-apology", "{\"reason\":\"not our fault\"}")),

                row("POST", "/api/crises/{id}/assignments", MANAGERS, 201,
                        user -> new Call("/api/crises/" + active() + "/assignments", person())),
                row("GET", "/api/crises/{id}/assignments", MANAGERS, 200,
                        user -> new Call("/api/crises/" + active() + "/assignments", null)),
                row("DELETE", "/api/crises/{id}/assignments/{assignmentId}", MANAGERS, 204,
                        user -> assignment()),

                row("GET", "/api/me/assignments", EVERYONE, 200, user -> new Call("/api/me/assignments", null)),
                row("GET", "/api/me/briefings/{crisisId}", EVERYONE, 200, SecurityMatrixTest::briefingOf),
                row("PUT", "/api/me/tasks/{taskId}/status", EVERYONE, 200, SecurityMatrixTest::taskOf),

                row("POST", "/api/crises/{id}/statements", Set.of(Roles.COMMUNICATOR), 201,
                        user -> new Call("/api/crises/" + active() + "/statements",
                                "{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"We are on it.\"}")),
                row("GET", "/api/crises/{id}/statements", STATEMENT_READERS, 200,
                        user -> new Call("/api/crises/" + active() + "/statements", null)),
                row("GET", "/api/statements/{id}", STATEMENT_READERS, 200,
                        user -> new Call("/api/statements/" + statement(), null)),
                row("PUT", "/api/statements/{id}", Set.of(Roles.COMMUNICATOR), 200,
                        user -> new Call("/api/statements/" + statement(), "{\"text\":\"We are still on it.\"}")),
                row("POST", "/api/statements/{id}/tone-check", Set.of(Roles.COMMUNICATOR, Roles.APPROVER), 200,
                        user -> new Call("/api/statements/" + statement() + "/tone-check", null)),
                row("POST", "/api/statements/{id}/channel-check", Set.of(Roles.COMMUNICATOR, Roles.APPROVER), 200,
                        user -> new Call("/api/statements/" + statement() + "/channel-check", null)),
                row("POST", "/api/statements/{id}/approve", Set.of(Roles.APPROVER), 200,
                        user -> new Call("/api/statements/" + statement() + "/approve", "{}")),
                row("POST", "/api/statements/{id}/cancel", Set.of(Roles.COMMUNICATOR), 200,
                        user -> new Call("/api/statements/" + statement() + "/cancel", "{}")),

                row("GET", "/api/crises/{id}/inbox", REPLY_WRITERS, 200,
                        user -> new Call("/api/crises/" + crisisOnAWatch() + "/inbox", null)),
                row("POST", "/api/crises/{id}/replies", REPLY_WRITERS, 201, user -> {
                    UUID watch = UUID.randomUUID();
                    String crisis = ReplyFixtures.crisis(watch);
                    return new Call("/api/crises/" + crisis + "/replies",
                            ReplyFixtures.mentionOnly(ReplyFixtures.angryFrench(watch)));
                }),
                row("GET", "/api/crises/{id}/replies", REPLY_READERS, 200,
                        user -> new Call("/api/crises/" + crisisOnAWatch() + "/replies", null)),
                row("GET", "/api/replies/{id}", REPLY_READERS, 200,
                        user -> new Call("/api/replies/" + replyBy(user), null)),
                row("PUT", "/api/replies/{id}", REPLY_WRITERS, 200,
                        user -> new Call("/api/replies/" + replyBy(user), "{\"text\":\"" + ReplyFixtures.COURTEOUS
                                + "\"}")),
                row("POST", "/api/replies/{id}/send", REPLY_WRITERS, 200,
                        user -> new Call("/api/replies/" + replyBy(user) + "/send", null)),
                row("POST", "/api/replies/{id}/approve", Set.of(Roles.APPROVER), 200,
                        user -> new Call("/api/replies/" + pendingReply() + "/approve", null)),
                row("POST", "/api/replies/{id}/reject", Set.of(Roles.APPROVER), 200,
                        user -> new Call("/api/replies/" + pendingReply() + "/reject", "{\"reason\":\"too vague\"}")),

                row("GET", "/api/crises/{id}/timeline", CRISIS_TEAM, 200,
                        user -> new Call("/api/crises/" + active() + "/timeline", null)),
                row("GET", "/api/crises/{id}/review", CRISIS_TEAM, 200,
                        user -> new Call("/api/crises/" + resolved() + "/review", null)),
                row("POST", "/api/crises/{id}/review/errors", MANAGERS, 201,
                        user -> new Call("/api/crises/" + resolved() + "/review/errors",
                                "{\"what\":\"late\",\"impact\":\"customers waited\"}")),
                row("POST", "/api/crises/{id}/review/action-items", MANAGERS, 201,
                        user -> new Call("/api/crises/" + resolved() + "/review/action-items", actionItem())),
                row("PUT", "/api/crises/{id}/review/action-items/{itemId}", MANAGERS, 200,
                        user -> actionItemCall("")),
                row("POST", "/api/crises/{id}/review/action-items/{itemId}/complete", MANAGERS, 200,
                        user -> actionItemCall("/complete")),
                row("POST", "/api/crises/{id}/review/lessons", MANAGERS, 201,
                        user -> new Call("/api/crises/" + resolved() + "/review/lessons", "{\"text\":\"drill more\"}")),
                row("POST", "/api/crises/{id}/review/complete", Set.of(Roles.CRISIS_MANAGER), 200,
                        user -> new Call("/api/crises/" + resolved() + "/review/complete", "{}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointAnswersEachRoleAsDesigned(Endpoint endpoint) {
        Call target = endpoint.target().apply(USER.get(Roles.EMPLOYEE));
        send(given(), endpoint.method(), target).then().statusCode(401);
        for (String role : ROLES) {
            if (!endpoint.allowed().contains(role)) {
                send(given().auth().oauth2(token(role)), endpoint.method(), target).then().statusCode(403);
            }
        }
        for (String role : endpoint.allowed()) {
            Call fresh = endpoint.target().apply(USER.get(role));
            send(given().auth().oauth2(token(role)), endpoint.method(), fresh).then().statusCode(endpoint.answer());
        }
    }

    @Test
    void anEmployeeCannotReadAnotherEmployeesBriefingOrTickTheirTasks() {
        Call briefing = myBriefing();
        Call task = myTask();
        String emma2 = TestTokens.of("emma2");
        given().auth().oauth2(emma2).when().get(briefing.path()).then().statusCode(404);
        given().auth().oauth2(emma2).accept(ContentType.HTML).when().get(briefing.path()).then().statusCode(404);
        send(given().auth().oauth2(emma2), "PUT", task).then().statusCode(404);
        given().auth().oauth2(token(Roles.EMPLOYEE)).when().get(briefing.path()).then().statusCode(200);
    }

    @Test
    void anApproverCannotApproveTheirOwnStatement() {
        String writer = TestTokens.of("wendy", Roles.COMMUNICATOR, Roles.APPROVER);
        String id = given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"We are on it.\"}")
                .when().post("/api/crises/" + active() + "/statements")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body("{\"channelIds\":[\"" + UUID.randomUUID() + "\"]}")
                .when().post("/api/statements/" + id + "/approve")
                .then().statusCode(403)
                .body("type", equalTo("https://firebreak.io/problems/four-eyes"));
        given().auth().oauth2(writer).when().get("/api/statements/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void onlyItsAuthorSendsOrEditsAReplyAndNobodyApprovesTheirOwn() {
        String id = replyBy("cole");
        String colin = TestTokens.of("colin", Roles.COMMUNICATOR);
        given().auth().oauth2(colin).when().post("/api/replies/" + id + "/send")
                .then().statusCode(403).body("type", equalTo("https://firebreak.io/problems/not-author"));
        given().auth().oauth2(colin).contentType(ContentType.JSON).body("{\"text\":\"Sorry.\"}")
                .when().put("/api/replies/" + id)
                .then().statusCode(403).body("type", equalTo("https://firebreak.io/problems/not-author"));

        String writer = TestTokens.of("wendy", Roles.COMMUNICATOR, Roles.APPROVER);
        UUID watch = UUID.randomUUID();
        String mine = ReplyFixtures.draft(writer, ReplyFixtures.crisis(watch),
                ReplyFixtures.withText(ReplyFixtures.angryFrench(watch), ReplyFixtures.COURTEOUS));
        given().auth().oauth2(writer).when().post("/api/replies/" + mine + "/send")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(writer).when().post("/api/replies/" + mine + "/approve")
                .then().statusCode(403).body("type", equalTo("https://firebreak.io/problems/four-eyes"));
        given().auth().oauth2(writer).when().get("/api/replies/" + mine)
                .then().body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void onlyMyOwnAssignmentsAreListed() {
        String crisis = myBriefing().path().substring("/api/me/briefings/".length());
        given().auth().oauth2(token(Roles.EMPLOYEE)).when().get("/api/me/assignments")
                .then().statusCode(200)
                .body("crisisId", hasItem(crisis));
        given().auth().oauth2(TestTokens.of("emma2")).when().get("/api/me/assignments")
                .then().statusCode(200)
                .body("crisisId", not(hasItem(crisis)));
    }

    private static io.restassured.response.Response send(RequestSpecification request, String method, Call call) {
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return request.when().request(method, call.path());
    }

    private static String token(String role) {
        return role.equals(Roles.EMPLOYEE) ? TestTokens.of(USER.get(role)) : TestTokens.of(USER.get(role), role);
    }

    private static String playbook() {
        return ReviewFixtures.playbook();
    }

    private static String proposed() {
        return given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbook() + "\"}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
    }

    private static String active() {
        return ReviewFixtures.activeCrisis(playbook());
    }

    private static String decided() {
        String id = active();
        ReviewFixtures.post(CAROL, "/api/crises/" + id + "/no-apology", "{\"reason\":\"not our fault\"}", 200);
        return id;
    }

    private static String resolved() {
        return ReviewFixtures.resolvedCrisis(playbook());
    }

    private static String person() {
        return "{\"role\":\"spokesperson\",\"person\":{\"subject\":\"sub-" + UUID.randomUUID()
                + "\",\"username\":\"sam\"}}";
    }

    private static String actionItem() {
        return "{\"title\":\"Fix paging\",\"owner\":\"ivy\",\"dueDate\":\"" + NEXT_MONTH + "\"}";
    }

    private static String statement() {
        return given().auth().oauth2(COLE).contentType(ContentType.JSON)
                .body("{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"We are on it.\","
                        + "\"channelIds\":[\"" + PublishingStub.MASTODON + "\"]}")
                .when().post("/api/crises/" + active() + "/statements")
                .then().statusCode(201).extract().path("id");
    }

    private static String crisisOnAWatch() {
        return ReplyFixtures.crisis(UUID.randomUUID());
    }

    /** A draft reply written by {@code user} (as a communicator: the author is the user, whatever the role). */
    private static String replyBy(String user) {
        UUID watch = UUID.randomUUID();
        return ReplyFixtures.draft(TestTokens.of(user, Roles.COMMUNICATOR), ReplyFixtures.crisis(watch),
                ReplyFixtures.mentionOnly(ReplyFixtures.angryFrench(watch)));
    }

    /** A reply by cole, waiting for an approver. */
    private static String pendingReply() {
        UUID watch = UUID.randomUUID();
        return ReplyFixtures.pending(ReplyFixtures.crisis(watch), ReplyFixtures.angryFrench(watch));
    }

    private static Call holder() {
        String playbook = playbook();
        String id = given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(person())
                .when().post("/api/playbooks/" + playbook + "/holders")
                .then().statusCode(201).extract().path("id");
        return new Call("/api/playbooks/" + playbook + "/holders/" + id, null);
    }

    private static Call assignment() {
        String crisis = active();
        String id = given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(person())
                .when().post("/api/crises/" + crisis + "/assignments")
                .then().statusCode(201).extract().path("id");
        return new Call("/api/crises/" + crisis + "/assignments/" + id, null);
    }

    private static Call myBriefing() {
        return briefingOf(USER.get(Roles.EMPLOYEE));
    }

    private static Call myTask() {
        return taskOf(USER.get(Roles.EMPLOYEE));
    }

    /** A crisis on which {@code user} holds a role: their briefing. */
    private static Call briefingOf(String user) {
        String crisis = active();
        assign(crisis, user);
        return new Call("/api/me/briefings/" + crisis, null);
    }

    /** A task of {@code user}'s checklist. */
    private static Call taskOf(String user) {
        String task = assign(active(), user);
        return new Call("/api/me/tasks/" + task + "/status", "{\"status\":\"DONE\"}");
    }

    /** Puts {@code user} on the crisis as IT liaison; answers their first task's id. */
    private static String assign(String crisis, String user) {
        return given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body("{\"role\":\"it-liaison\",\"person\":{\"subject\":\"" + TestTokens.subjectOf(user)
                        + "\",\"username\":\"" + user + "\"}}")
                .when().post("/api/crises/" + crisis + "/assignments")
                .then().statusCode(201).extract().path("tasks[0].id");
    }

    private static Call actionItemCall(String suffix) {
        String crisis = resolved();
        String item = given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(actionItem())
                .when().post("/api/crises/" + crisis + "/review/action-items")
                .then().statusCode(201).extract().path("id");
        return new Call("/api/crises/" + crisis + "/review/action-items/" + item + suffix,
                suffix.isEmpty() ? actionItem() : "{}");
    }
}
