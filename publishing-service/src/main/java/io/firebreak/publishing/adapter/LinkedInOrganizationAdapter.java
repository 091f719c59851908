package io.firebreak.publishing.adapter;

import io.firebreak.publishing.adapter.PostMatcher.Listed;
import io.firebreak.publishing.config.PublishingConfig;
import io.firebreak.publishing.rules.Platform;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LinkedIn organisation page through the versioned Posts API: {@code POST /rest/posts} with a Bearer token (a member
 * administering the page, {@code w_organization_social}), {@code Linkedin-Version: YYYYMM} and
 * {@code X-Restli-Protocol-Version: 2.0.0}, author {@code urn:li:organization:<id>}; the new post's URN comes back in
 * the {@code x-restli-id} header of a 201. The commentary is in LinkedIn's "little" text format, where
 * {@code \ | { } @ [ ] ( ) < > # * _ ~} are reserved: unescaped, LinkedIn silently cuts the text at the first one.
 * Errors are {@code {"status","serviceErrorCode","code","message"}}. No idempotency key: an interrupted send is
 * looked up among the organisation's posts ({@code GET /rest/posts?q=author}) before any retry.
 */
@ApplicationScoped
public class LinkedInOrganizationAdapter implements PlatformAdapter {

    private static final String RESERVED = "\\|{}@[]()<>#*_~";
    private static final int LOOKUP_COUNT = 50;

    private final PlatformHttp http;
    private final String version;

    public LinkedInOrganizationAdapter(PlatformHttp http, PublishingConfig config) {
        this.http = http;
        this.version = config.linkedin().version();
    }

    @Override
    public Platform platform() {
        return Platform.LINKEDIN_ORG;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    /** Backslash before every character the little text format reserves, so the text reads as written. */
    public static String escapeLittleText(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            if (RESERVED.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        JsonObject body = new JsonObject()
                .put("author", organization(channel))
                .put("commentary", commentary(post))
                .put("visibility", "PUBLIC")
                .put("distribution", new JsonObject().put("feedDistribution", "MAIN_FEED")
                        .put("targetEntities", new JsonArray()).put("thirdPartyDistributionChannels", new JsonArray()))
                .put("lifecycleState", "PUBLISHED")
                .put("isReshareDisabledByAuthor", false);
        return call(channel, http.client().postAbs(base(channel) + "/rest/posts")).sendJsonObject(body)
                .onFailure().transform(failure -> HttpErrors.ofTransport("LinkedIn POST /rest/posts", failure))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw classify(response, "LinkedIn POST /rest/posts");
                    }
                    String urn = response.getHeader("x-restli-id");
                    Log.debugf("LinkedIn post %s published on channel %s", urn, channel.channelId());
                    return new Published(urn, urn != null ? "https://www.linkedin.com/feed/update/" + urn : null);
                });
    }

    /** Reads the organisation: a token that cannot see it, or no longer works, is refused here. */
    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return call(channel, http.client().getAbs(base(channel) + "/rest/organizations/" + organizationId(channel)))
                .send()
                .onFailure().transform(failure -> HttpErrors.ofTransport("LinkedIn GET organization", failure))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw classify(response, "LinkedIn GET organization");
                    }
                    return new Verified(response.bodyAsJsonObject().getString("localizedName"), null);
                });
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    /** The organisation's latest posts (the Posts API finder by author), matched by commentary. */
    @Override
    public Uni<Lookup> lookUp(ChannelAccess channel, Post post, Instant since) {
        return call(channel, http.client().getAbs(base(channel) + "/rest/posts")
                        .addQueryParam("q", "author").addQueryParam("author", organization(channel))
                        .addQueryParam("count", String.valueOf(LOOKUP_COUNT))
                        .addQueryParam("sortBy", "LAST_MODIFIED")
                        .putHeader("X-RestLi-Method", "FINDER")).send()
                .onFailure().transform(failure -> PlatformException.transientFailure(0, "LinkedIn GET /rest/posts failed: "
                        + failure, null))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw classify(response, "LinkedIn GET /rest/posts");
                    }
                    JsonArray elements = response.bodyAsJsonObject().getJsonArray("elements", new JsonArray());
                    List<Listed> listed = new ArrayList<>();
                    for (int i = 0; i < elements.size(); i++) {
                        JsonObject element = elements.getJsonObject(i);
                        Long createdAt = element.getLong("createdAt");
                        if (createdAt != null && createdAt < since.toEpochMilli()) {
                            continue;
                        }
                        String urn = element.getString("id");
                        listed.add(new Listed(urn, element.getString("commentary"),
                                "https://www.linkedin.com/feed/update/" + urn));
                    }
                    return PostMatcher.match(List.of(commentary(post)), listed);
                });
    }

    private static String commentary(Post post) {
        return escapeLittleText(String.join("\n\n", post.parts()));
    }

    private HttpRequest<Buffer> call(ChannelAccess channel, HttpRequest<Buffer> request) {
        return request.bearerTokenAuthentication(channel.credential("accessToken"))
                .putHeader("Linkedin-Version", version)
                .putHeader("X-Restli-Protocol-Version", "2.0.0")
                .timeout(http.timeoutMillis());
    }

    /** The channel's account: the organisation id, or its full URN. */
    private static String organization(ChannelAccess channel) {
        return "urn:li:organization:" + organizationId(channel);
    }

    private static String organizationId(ChannelAccess channel) {
        String account = channel.account() == null ? "" : channel.account().strip();
        return account.startsWith("urn:li:organization:") ? account.substring("urn:li:organization:".length())
                : account;
    }

    private static String base(ChannelAccess channel) {
        return channel.baseUrl().endsWith("/") ? channel.baseUrl().substring(0, channel.baseUrl().length() - 1)
                : channel.baseUrl();
    }

    private static PlatformException classify(HttpResponse<Buffer> response, String what) {
        String code = HttpErrors.reason(response, "code");
        String message = HttpErrors.reason(response, "message");
        return HttpErrors.of(what, response, (code != null && !code.equals(message) ? code + " " : "")
                + (message != null ? message : ""));
    }
}
