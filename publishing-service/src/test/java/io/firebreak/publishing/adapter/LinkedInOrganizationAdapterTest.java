package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.Lookup;
import io.firebreak.publishing.adapter.PlatformAdapter.Post;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.firebreak.publishing.adapter.PlatformAdapter.Verified;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against an emulated LinkedIn Posts API: {@code /rest/posts} answers only with the Bearer token, a
 * {@code Linkedin-Version} of six digits, {@code X-Restli-Protocol-Version: 2.0.0} and the organisation as author.
 */
@QuarkusTest
class LinkedInOrganizationAdapterTest {

    private static final String ORG = "urn:li:organization:2414183";
    private static WireMockServer linkedin;

    @Inject
    LinkedInOrganizationAdapter adapter;

    @BeforeAll
    static void start() {
        linkedin = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        linkedin.start();
    }

    @AfterAll
    static void stop() {
        linkedin.stop();
    }

    @BeforeEach
    void reset() {
        linkedin.resetAll();
    }

    private static ChannelAccess organization() {
        return new ChannelAccess(UUID.randomUUID(), linkedin.baseUrl(), "2414183", Map.of("accessToken", "li-token"));
    }

    private static void postsAnswer(ResponseDefinitionBuilder answer) {
        linkedin.stubFor(post(urlEqualTo("/rest/posts"))
                .withHeader("Authorization", equalTo("Bearer li-token"))
                .withHeader("Linkedin-Version", matching("\\d{6}"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withRequestBody(matchingJsonPath("$.author", equalTo(ORG)))
                .withRequestBody(matchingJsonPath("$.commentary"))
                .withRequestBody(matchingJsonPath("$.lifecycleState", equalTo("PUBLISHED")))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder error(int status, Integer serviceErrorCode, String code, String message) {
        JsonObject body = new JsonObject().put("status", status).put("message", message);
        if (serviceErrorCode != null) {
            body.put("serviceErrorCode", serviceErrorCode).put("code", code);
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.encode());
    }

    @Test
    void escapesTheLittleTextFormatsReservedCharacters() {
        assertThat(LinkedInOrganizationAdapter.escapeLittleText("Update (2/3): see #status @ops_team [v1] *now* ~ok <3> {x} a|b \\"))
                .isEqualTo("Update \\(2/3\\): see \\#status \\@ops\\_team \\[v1\\] \\*now\\* \\~ok \\<3\\> \\{x\\} a\\|b \\\\");
    }

    @Test
    void postsAsTheOrganisationAndReadsThePostUrnFromTheHeader() {
        postsAnswer(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:6844785523593134080"));

        Published published = await(adapter.publish(organization(), new Post("k", List.of("Service restored (mostly)."))));

        assertThat(published).isEqualTo(new Published("urn:li:share:6844785523593134080",
                "https://www.linkedin.com/feed/update/urn:li:share:6844785523593134080"));
        linkedin.verify(1, postRequestedFor(urlEqualTo("/rest/posts")).withRequestBody(equalToJson("""
                {"author":"urn:li:organization:2414183","commentary":"Service restored \\\\(mostly\\\\).",
                 "visibility":"PUBLIC","distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],
                 "thirdPartyDistributionChannels":[]},"lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}""")));
    }

    @Test
    void anExpiredOrRevokedTokenIsUnauthorized() {
        postsAnswer(error(401, 65601, "REVOKED_ACCESS_TOKEN", "The token used in the request has been revoked by the user"));
        PlatformException revoked = failureOf(adapter.publish(organization(), new Post("k", List.of("x"))));
        assertThat(revoked.kind()).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        assertThat(revoked.getMessage()).contains("REVOKED_ACCESS_TOKEN", "revoked by the user");

        postsAnswer(error(401, 65600, "INVALID_ACCESS_TOKEN", "Invalid access token"));
        assertThat(failureOf(adapter.publish(organization(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
    }

    @Test
    void aMissingPermissionIsUnauthorized() {
        postsAnswer(error(403, 100, "ACCESS_DENIED",
                "Not enough permissions to access: partnerApiPostsExternal.CREATE.20251001"));
        assertThat(failureOf(adapter.publish(organization(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
    }

    @Test
    void aValidationErrorRejectsThePostWithLinkedInsReason() {
        postsAnswer(error(422, null, null, "ERROR :: /commentary :: Text length exceeds the maximum 3000"));
        PlatformException failure = failureOf(adapter.publish(organization(), new Post("k", List.of("x"))));
        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains("exceeds the maximum 3000");
        postsAnswer(error(400, null, null, "Invalid author"));
        assertThat(failureOf(adapter.publish(organization(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.REJECTED);
    }

    @Test
    void rateLimitsServerErrorsResetsAndTimeoutsAreTransient() {
        postsAnswer(error(429, 101, "TOO_MANY_REQUESTS", "Resource level throttle limit reached")
                .withHeader("Retry-After", "3600"));
        PlatformException limited = failureOf(adapter.publish(organization(), new Post("k", List.of("x"))));
        assertThat(limited.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofHours(1));

        postsAnswer(error(504, null, null, "Gateway timeout"));
        assertThat(failureOf(adapter.publish(organization(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);

        postsAnswer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(failureOf(adapter.publish(organization(), new Post("k", List.of("x")))).maybeDelivered()).isTrue();

        postsAnswer(aResponse().withStatus(201).withHeader("x-restli-id", "urn:li:share:1").withFixedDelay(4000));
        PlatformException timeout = failureOf(adapter.publish(organization(), new Post("k", List.of("x"))));
        assertThat(timeout.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(timeout.maybeDelivered()).isTrue();
    }

    @Test
    void verifyReadsTheOrganisationWithoutPosting() {
        linkedin.stubFor(get(urlEqualTo("/rest/organizations/2414183"))
                .withHeader("Authorization", equalTo("Bearer li-token"))
                .withHeader("Linkedin-Version", matching("\\d{6}"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .willReturn(okJson("{\"id\":2414183,\"localizedName\":\"Brand Inc.\"}")));
        assertThat(await(adapter.verify(organization()))).isEqualTo(new Verified("Brand Inc.", null));
        linkedin.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void theLookupFindsThePostAmongTheOrganisationsPostsByItsCommentary() {
        Instant since = Instant.parse("2026-11-23T10:00:00Z");
        linkedin.stubFor(get(urlPathEqualTo("/rest/posts")).withQueryParam("q", equalTo("author"))
                .withQueryParam("author", equalTo(ORG))
                .withHeader("X-RestLi-Method", equalTo("FINDER"))
                .withHeader("Authorization", equalTo("Bearer li-token"))
                .willReturn(okJson(new JsonObject().put("elements", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("id", "urn:li:share:2").put("commentary", "Restored \\(mostly\\).")
                                .put("createdAt", since.plusSeconds(30).toEpochMilli()))
                        .add(new JsonObject().put("id", "urn:li:share:1").put("commentary", "Old news.")
                                .put("createdAt", since.minusSeconds(3600).toEpochMilli()))).encode())));

        assertThat(await(adapter.lookUp(organization(), new Post("k", List.of("Restored (mostly).")), since)))
                .isEqualTo(Lookup.found(new Published("urn:li:share:2",
                        "https://www.linkedin.com/feed/update/urn:li:share:2")));
        assertThat(await(adapter.lookUp(organization(), new Post("k", List.of("Old news.")), since)))
                .isEqualTo(Lookup.absent());
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }
}
