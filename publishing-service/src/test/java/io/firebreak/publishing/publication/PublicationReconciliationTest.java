package io.firebreak.publishing.publication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.firebreak.publishing.Fixtures.approved;
import static io.firebreak.publishing.Fixtures.awaitPublications;
import static io.firebreak.publishing.Fixtures.publication;
import static io.firebreak.publishing.Fixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.events.Topics;
import io.firebreak.publishing.OnVertx;
import io.firebreak.publishing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Never double-post where the platform takes no idempotency key: a send interrupted mid-call becomes UNKNOWN and
 * is looked up on the platform before any retry. The emulated Graph API is stateful: its page feed lists a post
 * only once the post request reached it.
 */
@QuarkusTest
class PublicationReconciliationTest {

    private static final String TEXT = "We are aware of the outage and working on it.";
    private static WireMockServer graph;

    @Inject
    PublicationDispatcher dispatcher;
    @Inject
    PublicationService service;
    @Inject
    TestClock clock;
    @Inject
    Vertx vertx;

    @BeforeAll
    static void start() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    private static String feed(String page) {
        return "/v24.0/" + page + "/feed";
    }

    private static String facebookChannel(String page) {
        return given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Facebook " + page, "platform", "FACEBOOK_PAGE", "baseUrl", graph.baseUrl(),
                        "account", page, "credentials", Map.of("pageToken", "token-" + page)))
                .when().post("/api/channels").then().statusCode(201).extract().path("id");
    }

    /** The page feed as the Graph API lists it: empty until the post arrived, then with it. */
    private static void feedListsThePostOnceReceived(String page) {
        graph.stubFor(get(urlPathEqualTo(feed(page))).inScenario(page).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"data\":[]}")));
        graph.stubFor(get(urlPathEqualTo(feed(page))).inScenario(page).whenScenarioStateIs("received")
                .withHeader("Authorization", equalTo("Bearer token-" + page))
                .willReturn(okJson("{\"data\":[{\"id\":\"" + page + "_1\",\"message\":\"" + TEXT + "\"}]}")));
    }

    private String statementOn(String channelId) {
        send(Topics.STATEMENTS, approved(UUID.randomUUID(), UUID.randomUUID(), TEXT, List.of(channelId),
                Instant.now().minusSeconds(1), false));
        return awaitPublications(channelId, 1).get(0);
    }

    private void dispatch() {
        dispatcher.dispatchOnce("replica-a").await().atMost(Duration.ofSeconds(30));
    }

    private void untilDue(String id) {
        Instant due = Instant.parse(publication(id).getString("dueAt"));
        Duration wait = Duration.between(clock.instant(), due).plusSeconds(1);
        clock.advance(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static List<LoggedRequest> posts(String page) {
        return graph.findAll(postRequestedFor(urlEqualTo(feed(page))));
    }

    @Test
    void aPostThatArrivedButWhoseAnswerWasLostIsFoundAndNotPostedAgain() {
        String page = "page-" + UUID.randomUUID();
        feedListsThePostOnceReceived(page);
        graph.stubFor(post(urlEqualTo(feed(page))).inScenario(page).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("received"));
        String id = statementOn(facebookChannel(page));

        dispatch();
        var unknown = publication(id);
        assertThat(unknown.getString("state")).isEqualTo("UNKNOWN");
        assertThat(unknown.getString("lastError")).contains("failed");

        untilDue(id);
        dispatch();

        var published = publication(id);
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.getString("externalId")).isEqualTo(page + "_1");
        assertThat(published.getList("history.to")).containsExactly("SCHEDULED", "PUBLISHING", "UNKNOWN",
                "PUBLISHING", "PUBLISHED");
        assertThat(posts(page)).hasSize(1);
    }

    @Test
    void aPostThatNeverArrivedIsLookedUpThenSentOnce() {
        String page = "page-" + UUID.randomUUID();
        feedListsThePostOnceReceived(page);
        // The connection drops before the platform took the post: the feed stays empty.
        graph.stubFor(post(urlEqualTo(feed(page))).inScenario(page).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("lost"));
        graph.stubFor(get(urlPathEqualTo(feed(page))).inScenario(page).whenScenarioStateIs("lost")
                .willReturn(okJson("{\"data\":[]}")));
        graph.stubFor(post(urlEqualTo(feed(page))).inScenario(page).whenScenarioStateIs("lost")
                .willReturn(okJson("{\"id\":\"" + page + "_2\"}")).willSetStateTo("received"));
        String id = statementOn(facebookChannel(page));

        dispatch();
        assertThat(publication(id).getString("state")).isEqualTo("UNKNOWN");
        untilDue(id);
        dispatch();

        var published = publication(id);
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.getString("externalId")).isEqualTo(page + "_2");
        List<LoggedRequest> requests = graph.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(urlPathEqualTo(feed(page))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(requests).extracting(request -> request.getMethod().getName())
                .containsExactly("POST", "GET", "POST");
    }

    @Test
    void anExpiredClaimIsLookedUpInsteadOfBeingLeftUnknown() {
        String page = "page-" + UUID.randomUUID();
        feedListsThePostOnceReceived(page);
        graph.stubFor(post(urlEqualTo(feed(page))).inScenario(page).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"id\":\"" + page + "_1\"}")).willSetStateTo("received"));
        String id = statementOn(facebookChannel(page));

        // A replica claims, posts, and dies before recording the answer.
        List<Claim> claims = OnVertx.await(vertx, () -> service.claimDue("crashed", 500, Duration.ZERO).map(Due::claims));
        Claim mine = claims.stream().filter(claim -> claim.publicationId().toString().equals(id)).findFirst()
                .orElseThrow();
        mine.adapter().publish(mine.access(), new io.firebreak.publishing.adapter.PlatformAdapter.Post(id,
                mine.parts())).await().atMost(Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(61));
        dispatch();

        assertThat(publication(id).getString("state")).isEqualTo("PUBLISHED");
        assertThat(publication(id).getList("history.actor")).contains("crashed", "replica-a");
        assertThat(posts(page)).hasSize(1);
        graph.verify(1, getRequestedFor(urlPathEqualTo(feed(page))));
    }

    @Test
    void anInterruptedSendOnAPlatformThatCannotBeAskedWaitsForAPerson() {
        String hook = "/workflows/" + UUID.randomUUID();
        graph.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String channel = given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Teams", "platform", "TEAMS_WEBHOOK",
                        "credentials", Map.of("webhookUrl", graph.baseUrl() + hook + "?sig=s")))
                .when().post("/api/channels").then().statusCode(201).extract().path("id");
        String id = statementOn(channel);

        dispatch();
        clock.advance(Duration.ofMinutes(30));
        dispatch();

        var unknown = publication(id);
        assertThat(unknown.getString("state")).isEqualTo("UNKNOWN");
        assertThat(unknown.getString("lastError")).contains("look it up before sending it again");
        assertThat(graph.findAll(postRequestedFor(urlPathEqualTo(hook)))).hasSize(1);
    }
}
