package io.firebreak.publishing.channel;

import io.firebreak.publishing.rules.ChannelRules;
import io.firebreak.publishing.rules.LengthCounting;
import io.firebreak.publishing.rules.Platform;
import io.firebreak.publishing.rules.ReplyRules;
import io.firebreak.publishing.rules.TextCheck;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the channel API reads and writes. Credentials go in, never out. */
public final class ChannelDtos {

    private ChannelDtos() {
    }

    /** {@code credentials}: the platform's fields, e.g. {@code {"accessToken": "..."}} for Mastodon. */
    public record CreateChannelRequest(@NotBlank @Size(max = 200) String name,
                                       @NotNull Platform platform,
                                       @Size(max = 2000) String baseUrl,
                                       @Size(max = 300) String account,
                                       @Min(1) @Max(1_000_000) Integer maxLength,
                                       Map<String, String> credentials) {
    }

    public record CredentialsRequest(@NotNull @NotEmpty Map<String, String> credentials) {
    }

    public record ChannelView(UUID id, String name, Platform platform, String baseUrl, String account,
                              Integer maxLength, boolean hasCredentials, Channel.Status status, String lastError,
                              Instant verifiedAt, String createdBy, Instant createdAt, String updatedBy,
                              Instant updatedAt) {

        static ChannelView of(Channel channel) {
            return new ChannelView(channel.getId(), channel.getName(), channel.getPlatform(), channel.getBaseUrl(),
                    channel.getAccount(), channel.getMaxLength(), channel.hasCredentials(), channel.getStatus(),
                    channel.getLastError(), channel.getVerifiedAt(), channel.getCreatedBy(), channel.getCreatedAt(),
                    channel.getUpdatedBy(), channel.getUpdatedAt());
        }
    }

    /** {@code replies}: whether the channel can post a reply in a critic's thread (on its own platform). */
    public record RulesView(UUID channelId, Platform platform, int maxLength, LengthCounting counting,
                            int urlLength, boolean threads, int maxThreadParts, boolean replies) {

        static RulesView of(UUID channelId, ChannelRules rules) {
            boolean urlsWeighed = rules.counting() == LengthCounting.X_WEIGHTED
                    || rules.counting() == LengthCounting.CODE_POINTS_URL_23;
            return new RulesView(channelId, rules.platform(), rules.maxLength(), rules.counting(),
                    urlsWeighed ? LengthCounting.URL_WEIGHT : 0, rules.threads(), rules.maxThreadParts(),
                    ReplyRules.canReply(rules.platform()));
        }
    }

    /**
     * {@code replyToPlatform}: when the text is a reply, the platform of the post it answers (a mention source:
     * mastodon, bluesky, x ...); the text is then checked as one post, never a thread.
     */
    public record ValidateRequest(@NotBlank String text, @NotNull @NotEmpty List<@NotNull UUID> channelIds,
                                  boolean allowThread, @Size(max = 50) String replyToPlatform) {
    }

    public record ChannelVerdict(UUID channelId, Platform platform, boolean ok, int length, int limit,
                                 String problem, String detail, Integer overflowAt, int overflow, int posts,
                                 List<String> parts) {

        static ChannelVerdict of(Channel channel, TextCheck check) {
            return new ChannelVerdict(channel.getId(), channel.getPlatform(), check.ok(), check.length(),
                    check.limit(), check.problem(), check.detail(), check.overflowAt(), check.overflow(),
                    check.parts().size(), check.parts());
        }

        /** The text may fit, but the channel cannot post this reply. */
        static ChannelVerdict refused(Channel channel, TextCheck check, ReplyRules.Refusal refusal) {
            return new ChannelVerdict(channel.getId(), channel.getPlatform(), false, check.length(), check.limit(),
                    refusal.problem(), refusal.detail(), check.overflowAt(), check.overflow(), check.parts().size(),
                    check.parts());
        }
    }

    public record ValidateResponse(boolean ok, List<ChannelVerdict> channels) {
    }

    public record VerifyResponse(UUID channelId, boolean ok, String account, Integer maxLength, String detail,
                                 Channel.Status status) {
    }
}
