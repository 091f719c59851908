package io.firebreak.publishing.channel;

import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.publishing.channel.ChannelDtos.ChannelVerdict;
import io.firebreak.publishing.channel.ChannelDtos.ChannelView;
import io.firebreak.publishing.channel.ChannelDtos.CreateChannelRequest;
import io.firebreak.publishing.channel.ChannelDtos.RulesView;
import io.firebreak.publishing.channel.ChannelDtos.ValidateRequest;
import io.firebreak.publishing.channel.ChannelDtos.ValidateResponse;
import io.firebreak.publishing.channel.ChannelDtos.VerifyResponse;
import io.firebreak.publishing.adapter.Adapters;
import io.firebreak.publishing.adapter.PlatformAdapter;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.firebreak.publishing.rules.Platform;
import io.firebreak.publishing.rules.ReplyRules;
import io.firebreak.publishing.rules.TextCheck;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ChannelService {

    private final ChannelRepository channels;
    private final CredentialCipher cipher;
    private final Adapters adapters;
    private final Clock clock;

    public ChannelService(ChannelRepository channels, CredentialCipher cipher, Adapters adapters, Clock clock) {
        this.channels = channels;
        this.cipher = cipher;
        this.adapters = adapters;
        this.clock = clock;
    }

    /**
     * Asks the platform whether the credentials work, and reads the account's limit, without posting. A refusal
     * marks the channel broken (422); an unreachable platform changes nothing (502).
     */
    public Uni<VerifyResponse> verify(UUID id, String admin) {
        return Panache.withSession(() -> find(id)).chain(channel -> {
            PlatformAdapter adapter = adapters.of(channel.getPlatform()).orElseThrow(() -> new ProblemException(501,
                    "verify-unsupported", "Not implemented", "verifying " + channel.getPlatform()
                    + " channels is not supported yet"));
            ChannelAccess access = new ChannelAccess(id, channel.apiBaseUrl(), channel.getAccount(),
                    credentialsOf(channel));
            return adapter.verify(access).onItemOrFailure().transformToUni((verified, failure) ->
                    Panache.withTransaction(() -> find(id).map(fresh -> {
                        if (failure == null) {
                            fresh.verified(verified.maxLength(), admin, now());
                            Log.infof("Channel %s verified by %s as %s", id, admin, verified.account());
                            return new VerifyResponse(id, true, verified.account(), fresh.getMaxLength(), null,
                                    fresh.getStatus());
                        }
                        PlatformException problem = failure instanceof PlatformException known ? known
                                : PlatformException.transientFailure(0, failure.toString(), null);
                        if (problem.kind() == PlatformException.Kind.UNAUTHORIZED) {
                            fresh.credentialsRefused(problem.getMessage(), now());
                        }
                        Log.infof("Channel %s verification by %s failed: %s", id, admin, problem.getMessage());
                        return new VerifyResponse(id, false, null, fresh.getMaxLength(), problem.getMessage(),
                                fresh.getStatus());
                    })).map(response -> {
                        if (failure == null) {
                            return response;
                        }
                        PlatformException.Kind kind = failure instanceof PlatformException known ? known.kind()
                                : PlatformException.Kind.TRANSIENT;
                        throw switch (kind) {
                            case UNAUTHORIZED -> new ProblemException(422, "credentials-refused",
                                    "Credentials refused", response.detail());
                            case REJECTED -> new ProblemException(422, "verification-rejected",
                                    "Verification rejected", response.detail());
                            case TRANSIENT -> new ProblemException(502, "platform-unavailable",
                                    "Platform unavailable", response.detail() + " (channel unchanged)");
                        };
                    }));
        });
    }

    @WithTransaction
    public Uni<ChannelView> create(CreateChannelRequest request, String admin) {
        Map<String, String> credentials = request.credentials() != null ? request.credentials() : Map.of();
        List<Problem.FieldError> errors = new ArrayList<>();
        String baseUrl = blankToNull(request.baseUrl());
        String account = blankToNull(request.account());
        if (baseUrl == null && request.platform().baseUrlRequired()) {
            errors.add(new Problem.FieldError("baseUrl", request.platform() + " needs the base URL of its "
                    + (request.platform() == Platform.MASTODON ? "instance" : "endpoint")));
        }
        if (baseUrl != null && !isHttpUrl(baseUrl)) {
            errors.add(new Problem.FieldError("baseUrl", "must be an absolute http or https URL"));
        }
        if (account == null && request.platform().accountRequired()) {
            errors.add(new Problem.FieldError("account", request.platform() + " needs the account to post as"
                    + " (page id, chat id or organisation id)"));
        }
        errors.addAll(credentialErrors(request.platform(), credentials));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-channel", "the channel cannot be created as given", errors);
        }
        Instant now = now();
        Channel channel = Channel.create(UUID.randomUUID(), request.name().strip(), request.platform(), baseUrl,
                account, request.maxLength(), admin, now);
        if (!credentials.isEmpty()) {
            channel.replaceCredentials(cipher.encrypt(channel.getId(), credentials), admin, now);
        }
        return channels.persist(channel)
                .invoke(() -> Log.infof("Channel %s (%s) created by %s", channel.getId(), channel.getPlatform(), admin))
                .map(ChannelView::of);
    }

    @WithTransaction
    public Uni<ChannelView> replaceCredentials(UUID id, Map<String, String> credentials, String admin) {
        return find(id).map(channel -> {
            List<Problem.FieldError> errors = credentialErrors(channel.getPlatform(), credentials);
            if (channel.getPlatform() == Platform.SANDBOX) {
                errors = List.of(new Problem.FieldError("credentials", "a sandbox channel takes no credentials"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid("invalid-credentials", "the credentials do not fit "
                        + channel.getPlatform(), errors);
            }
            channel.replaceCredentials(cipher.encrypt(channel.getId(), credentials), admin, now());
            Log.infof("Credentials of channel %s replaced by %s", id, admin);
            return ChannelView.of(channel);
        });
    }

    @WithSession
    public Uni<List<ChannelView>> list() {
        return channels.byName().map(list -> list.stream().map(ChannelView::of).toList());
    }

    @WithSession
    public Uni<ChannelView> get(UUID id) {
        return find(id).map(ChannelView::of);
    }

    @WithSession
    public Uni<RulesView> rules(UUID id) {
        return find(id).map(channel -> RulesView.of(channel.getId(), channel.rules()));
    }

    /** Checks a text against every channel named, so a statement is fixed when written, not when published. */
    @WithSession
    public Uni<ValidateResponse> validate(ValidateRequest request) {
        List<UUID> ids = request.channelIds().stream().distinct().toList();
        return channels.byIds(ids).map(found -> {
            Map<UUID, Channel> byId = found.stream().collect(Collectors.toMap(Channel::getId, Function.identity()));
            List<Problem.FieldError> unknown = ids.stream().filter(id -> !byId.containsKey(id))
                    .map(id -> new Problem.FieldError("channelIds", "channel " + id + " does not exist")).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid("unknown-channel", "some channels do not exist", unknown);
            }
            boolean reply = request.replyToPlatform() != null;
            List<ChannelVerdict> verdicts = ids.stream().map(byId::get).map(channel -> {
                // A reply is one post in the critic's thread, never a thread of its own.
                TextCheck check = channel.rules().check(request.text(), !reply && request.allowThread());
                ReplyRules.Refusal refusal = reply ? ReplyRules.check(channel.getPlatform(),
                        request.replyToPlatform()) : null;
                return refusal != null ? ChannelVerdict.refused(channel, check, refusal)
                        : ChannelVerdict.of(channel, check);
            }).toList();
            return new ValidateResponse(verdicts.stream().allMatch(ChannelVerdict::ok), verdicts);
        });
    }

    /** The decrypted credentials, for an adapter about to call the platform; never for the API. */
    public Map<String, String> credentialsOf(Channel channel) {
        return channel.hasCredentials() ? cipher.decrypt(channel.getId(), channel.getCredentialsEncrypted()) : Map.of();
    }

    private Uni<Channel> find(UUID id) {
        return channels.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("channel", id));
    }

    private static List<Problem.FieldError> credentialErrors(Platform platform, Map<String, String> credentials) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> expected = new HashSet<>(platform.credentialFields());
        for (String field : platform.credentialFields()) {
            String value = credentials.get(field);
            if (value == null || value.isBlank()) {
                errors.add(new Problem.FieldError("credentials." + field, "required for " + platform));
            }
        }
        for (String field : credentials.keySet()) {
            if (!expected.contains(field)) {
                errors.add(new Problem.FieldError("credentials." + field, platform + " takes only "
                        + (expected.isEmpty() ? "no credentials" : platform.credentialFields())));
            }
        }
        String webhookUrl = credentials.get("webhookUrl");
        if (webhookUrl != null && !webhookUrl.isBlank() && !isHttpUrl(webhookUrl)) {
            errors.add(new Problem.FieldError("credentials.webhookUrl", "must be an absolute http or https URL"));
        }
        return errors;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
