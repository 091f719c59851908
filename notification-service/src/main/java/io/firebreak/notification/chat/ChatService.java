package io.firebreak.notification.chat;

import io.firebreak.events.CrisisChanged;
import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.crisis.CrisisAlertRepository;
import io.firebreak.notification.delivery.RetryPolicy;
import io.firebreak.notification.delivery.SendOutcome;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Team chat channels receiving crisis alerts: configured by administrators, posted to by the scheduler. */
@ApplicationScoped
public class ChatService {

    /** A webhook as administrators see it, with the state of its latest post; the URL's secret is hidden. */
    public record WebhookView(UUID id, String team, ChatRules.Kind kind, String url, String createdBy,
                              Instant createdAt, ChatPost.State lastPostState, String lastPostError) {
    }

    private final ChatWebhookRepository webhooks;
    private final ChatPostRepository posts;
    private final CrisisAlertRepository alerts;
    private final ChatSender sender;
    private final NotificationConfig config;
    private final RetryPolicy retries;
    private final Clock clock;

    public ChatService(ChatWebhookRepository webhooks, ChatPostRepository posts, CrisisAlertRepository alerts,
                       ChatSender sender, NotificationConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.posts = posts;
        this.alerts = alerts;
        this.sender = sender;
        this.config = config;
        this.retries = new RetryPolicy(config.delivery().maxAttempts(), config.delivery().retryBackoff());
        this.clock = clock;
    }

    /** Registers a team's webhook of this kind, replacing the URL it had. */
    @WithTransaction
    public Uni<WebhookView> register(String team, ChatRules.Kind kind, String url, String by) {
        var problem = ChatRules.urlProblem(url);
        if (problem.isPresent()) {
            return Uni.createFrom().failure(ProblemException.invalid("invalid-chat-webhook", "url: " + problem.get(),
                    List.of(new Problem.FieldError("url", problem.get()))));
        }
        Instant now = now();
        return webhooks.of(team, kind).chain(known -> {
            if (known != null) {
                known.replaceUrl(url.strip(), by, now);
                return Uni.createFrom().item(known);
            }
            return webhooks.persist(ChatWebhook.of(team, kind, url.strip(), by, now));
        }).invoke(webhook -> Log.infof("Chat webhook %s (%s of team %s) set by %s", webhook.getId(), kind, team, by))
                .map(webhook -> view(webhook, null));
    }

    @WithSession
    public Uni<List<WebhookView>> list() {
        return webhooks.all().chain(all -> {
            Uni<List<WebhookView>> views = Uni.createFrom().item(new java.util.ArrayList<>());
            for (ChatWebhook webhook : all) {
                views = views.chain(list -> posts.ofWebhook(webhook.getId()).map(recent -> {
                    list.add(view(webhook, recent.isEmpty() ? null : recent.get(0)));
                    return list;
                }));
            }
            return views;
        });
    }

    @WithTransaction
    public Uni<Void> remove(UUID id) {
        return webhooks.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("chat webhook", id))
                .chain(webhooks::delete);
    }

    /**
     * In the caller's transaction: one post of this crisis state per team webhook, once: a later event of the same
     * state (holders reassigned while the crisis stays active) posts nothing more.
     */
    public Uni<Void> queueFor(CrisisChanged crisis) {
        Instant now = now();
        return webhooks.all().chain(all -> all.isEmpty() ? Uni.createFrom().voidItem()
                : posts.ofCrisisState(crisis.crisisId(), crisis.status()).chain(queued -> {
                    Set<UUID> posted = new HashSet<>();
                    queued.forEach(post -> posted.add(post.getWebhookId()));
                    List<ChatPost> fresh = all.stream()
                            .filter(webhook -> !posted.contains(webhook.getId()))
                            .map(webhook -> ChatPost.queued(webhook.getId(), crisis.crisisId(), crisis.status(), now))
                            .toList();
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : posts.persist(fresh);
                }));
    }

    /** One scheduler pass on this replica: the number of posts it attempted. */
    public Uni<Integer> postDue() {
        Instant now = now();
        return posts.claimDue(now, now.plus(config.delivery().lease()), config.delivery().batchSize())
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.chain(() -> attempt(id)
                                .onFailure().invoke(failure -> Log.errorf(failure,
                                        "Chat post %s could not be attempted; its lease will run out", id))
                                .onFailure().recoverWithNull());
                    }
                    return chain.replaceWith(ids.size());
                });
    }

    private record Attempt(ChatWebhook webhook, String text) {
    }

    private Uni<Void> attempt(UUID postId) {
        return Panache.withSession(() -> posts.findById(postId).chain(post -> webhooks.findById(post.getWebhookId())
                        .chain(webhook -> alerts.findById(post.getCrisisId()).map(alert -> new Attempt(webhook,
                                ChatMessages.text(alert.getTitle(), post.getCrisisStatus().name(),
                                        alert.getSeverity().name(), config.briefingUrl()
                                                .replace("{crisisId}", post.getCrisisId().toString())))))))
                .chain(attempt -> sender.post(attempt.webhook().getKind(), attempt.webhook().getUrl(), attempt.text()))
                .chain(outcome -> Panache.withTransaction(() -> record(postId, outcome)));
    }

    private Uni<Void> record(UUID postId, SendOutcome outcome) {
        Instant now = now();
        return posts.findById(postId).invoke(post -> {
            if (outcome.sent()) {
                post.sent(now);
                Log.infof("Chat post %s (crisis %s) sent on attempt %d", postId, post.getCrisisId(),
                        post.getAttempts());
                return;
            }
            String reason = "attempt " + post.getAttempts() + ": " + outcome.reason();
            var retry = retries.nextDelay(post.getAttempts(), outcome.transientFailure())
                    .map(delay -> outcome.retryAfter().filter(after -> after.compareTo(delay) > 0).orElse(delay));
            if (retry.isPresent()) {
                post.retryAt(now.plus(retry.get()), reason);
            } else {
                post.failed(reason);
            }
            Log.infof("Chat post %s (crisis %s) failed: %s", postId, post.getCrisisId(), reason);
        }).replaceWithVoid();
    }

    private static WebhookView view(ChatWebhook webhook, ChatPost last) {
        return new WebhookView(webhook.getId(), webhook.getTeam(), webhook.getKind(),
                ChatRules.masked(webhook.getUrl()), webhook.getCreatedBy(), webhook.getCreatedAt(),
                last == null ? null : last.getState(), last == null ? null : last.getLastError());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
