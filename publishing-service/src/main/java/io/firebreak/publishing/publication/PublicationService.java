package io.firebreak.publishing.publication;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PublicationChanged;
import io.firebreak.events.StatementChanged;
import io.firebreak.events.StatementChanged.ReplyTarget;
import io.firebreak.events.Topics;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.publishing.adapter.Adapters;
import io.firebreak.publishing.adapter.PlatformAdapter;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.firebreak.publishing.adapter.PlatformAdapter.ReplyTo;
import io.firebreak.publishing.adapter.PlatformException;
import io.firebreak.publishing.channel.Channel;
import io.firebreak.publishing.channel.ChannelRepository;
import io.firebreak.publishing.channel.ChannelService;
import io.firebreak.publishing.config.PublishingConfig;
import io.firebreak.publishing.crisis.CrisisContextRepository;
import io.firebreak.publishing.crisis.CrisisContextService;
import io.firebreak.publishing.publication.Publication.IllegalPublicationMove;
import io.firebreak.publishing.publication.PublicationDtos.PublicationView;
import io.firebreak.publishing.publication.PublicationDtos.ScheduleRequest;
import io.firebreak.publishing.rules.ReplyRules;
import io.firebreak.publishing.rules.ReplyRules.Refusal;
import io.firebreak.publishing.rules.TextCheck;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

@ApplicationScoped
public class PublicationService {

    /** Who the service's own moves are recorded as. */
    static final String DISPATCHER = "publication-dispatcher";
    static final String CRISIS_HOLD = "crisis-hold";
    private static final String STATEMENT_CONSUMER = "statement-publications";
    private static final String CRISIS_CONSUMER = "crisis-context";

    private final PublicationRepository publications;
    private final PublicationTransitionRepository transitions;
    private final ChannelRepository channels;
    private final ChannelService channelService;
    private final CrisisContextRepository crises;
    private final CrisisContextService crisisContexts;
    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final Adapters adapters;
    private final PublishingConfig.Dispatcher config;
    private final Clock clock;

    public PublicationService(PublicationRepository publications, PublicationTransitionRepository transitions,
                              ChannelRepository channels, ChannelService channelService,
                              CrisisContextRepository crises, CrisisContextService crisisContexts,
                              ProcessedEvents processedEvents, Outbox outbox, Adapters adapters,
                              PublishingConfig config, Clock clock) {
        this.publications = publications;
        this.transitions = transitions;
        this.channels = channels;
        this.channelService = channelService;
        this.crises = crises;
        this.crisisContexts = crisisContexts;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.adapters = adapters;
        this.config = config.dispatcher();
        this.clock = clock;
    }

    // --- from playbook-service -------------------------------------------------------------------------

    /**
     * An approved statement becomes one publication per channel it names; a redelivered event, or the same
     * statement seen again, creates nothing more. A withdrawn statement cancels what has not gone out yet.
     */
    @WithTransaction
    public Uni<Void> applyStatement(CloudEvent<StatementChanged> event) {
        return processedEvents.firstDelivery(STATEMENT_CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            StatementChanged statement = event.data();
            if (EventTypes.STATEMENT_WITHDRAWN.equals(event.type())) {
                return withdraw(statement);
            }
            return channels.byIds(statement.channelIds()).chain(found -> sequentially(statement.channelIds(),
                    channelId -> found.stream().filter(c -> c.getId().equals(channelId)).findFirst()
                            .map(channel -> createForStatement(statement, channel))
                            .orElseGet(() -> {
                                Log.warnf("Statement %s names unknown channel %s: nothing to publish there",
                                        statement.statementId(), channelId);
                                return Uni.createFrom().voidItem();
                            })));
        });
    }

    private Uni<Void> createForStatement(StatementChanged statement, Channel channel) {
        return publications.findByStatementAndChannel(statement.statementId(), channel.getId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            String actor = statement.approvedBy() != null ? statement.approvedBy() : "playbook-service";
            Publication publication = Publication.scheduled(statement.statementId(), statement.crisisId(),
                    channel.getId(), channel.getPlatform(), statement.text(), statement.allowThread(),
                    statement.drill(), statement.scheduledAt().truncatedTo(ChronoUnit.MILLIS), actor, now());
            ReplyTarget target = statement.replyTo();
            boolean reply = StatementChanged.REPLY_PHASE.equals(statement.phase()) && target != null;
            if (reply) {
                publication.answering(target.platform(), target.postId(), target.postUrl(), target.author());
            }
            // A reply goes out as one post in the critic's thread, on the critic's platform; it is recorded FAILED,
            // with the reason, when it cannot.
            Refusal refusal = reply ? ReplyRules.check(channel.getPlatform(), target.platform()) : null;
            TextCheck check = channel.rules().check(statement.text(), publication.isAllowThread());
            String problem = refusal != null ? refusal.reason() : check.ok() ? null : check.detail();
            return publications.persist(publication)
                    .chain(() -> record(publication, null, actor, (reply ? "reply " : "statement ")
                            + statement.statementId() + " approved"))
                    .chain(() -> problem == null ? Uni.createFrom().voidItem() : fail(publication, problem))
                    .invoke(() -> Log.infof("Publication %s of statement %s on channel %s is %s",
                            publication.getId(), statement.statementId(), channel.getId(), publication.getState()));
        });
    }

    private Uni<Void> withdraw(StatementChanged statement) {
        return publications.ofStatement(statement.statementId()).chain(list -> sequentially(list, publication ->
                publication.getState().isPending()
                        ? move(publication, PublicationState.CANCELLED, "playbook-service", "statement withdrawn")
                        : Uni.createFrom().voidItem()));
    }

    /**
     * Records the crisis' new state and, when it is a real crisis going live, holds every promotional post that
     * has not gone out yet — in one transaction, so a redelivery cannot half-apply it.
     */
    @WithTransaction
    public Uni<Void> applyCrisis(CloudEvent<CrisisChanged> event) {
        return crisisContexts.record(event).chain(() -> {
            CrisisChanged crisis = event.data();
            if (crisis.drill() || !crisis.status().isLive()) {
                return Uni.createFrom().voidItem();
            }
            return publications.pendingPromotional().chain(list -> sequentially(list, publication ->
                    move(publication, PublicationState.HELD, CRISIS_HOLD, "crisis " + crisis.crisisId() + " is "
                            + crisis.status())));
        });
    }

    // --- by people ---------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<PublicationView> schedule(ScheduleRequest request, String communicator) {
        Instant now = now();
        if (request.scheduledAt().isBefore(now.minusSeconds(1))) {
            throw ProblemException.invalid("scheduled-in-the-past", "scheduledAt " + request.scheduledAt()
                    + " is in the past", List.of(new Problem.FieldError("scheduledAt", "must not be in the past")));
        }
        return channels.findById(request.channelId()).chain(channel -> {
            if (channel == null) {
                throw ProblemException.invalid("unknown-channel", "channel " + request.channelId()
                        + " does not exist", List.of(new Problem.FieldError("channelId", "unknown channel")));
            }
            TextCheck check = channel.rules().check(request.text(), request.allowThread());
            if (!check.ok()) {
                throw ProblemException.invalid("text-does-not-fit", check.detail(),
                        List.of(new Problem.FieldError("text", check.detail())));
            }
            Publication publication = Publication.scheduled(null, null, channel.getId(), channel.getPlatform(),
                    request.text(), request.allowThread(), false, request.scheduledAt().truncatedTo(ChronoUnit.MILLIS),
                    communicator, now);
            return publications.persist(publication)
                    .chain(() -> record(publication, null, communicator, "scheduled"))
                    .chain(() -> crises.anyHoldingScheduledPosts())
                    .chain(held -> held ? move(publication, PublicationState.HELD, CRISIS_HOLD, "a crisis is live")
                            : Uni.createFrom().voidItem())
                    .chain(() -> view(publication));
        });
    }

    @WithTransaction
    public Uni<PublicationView> cancel(UUID id, String actor, String reason) {
        return change(id, publication -> move(publication, PublicationState.CANCELLED, actor,
                reason != null ? reason : "cancelled"));
    }

    @WithTransaction
    public Uni<PublicationView> reschedule(UUID id, Instant at, String actor) {
        Instant now = now();
        if (at.isBefore(now.minusSeconds(1))) {
            throw ProblemException.invalid("scheduled-in-the-past", "scheduledAt " + at + " is in the past",
                    List.of(new Problem.FieldError("scheduledAt", "must not be in the past")));
        }
        return change(id, publication -> {
            if (publication.getState() == PublicationState.HELD) {
                throw ProblemException.conflict("publication-held", "publication " + id
                        + " is held by a live crisis: a crisis-manager must release it first");
            }
            PublicationState from = guarded(() -> {
                PublicationState before = publication.getState();
                publication.reschedule(at.truncatedTo(ChronoUnit.MILLIS), actor, now);
                return before;
            });
            return record(publication, from, actor, "rescheduled to " + at);
        });
    }

    /**
     * The manual switch: holds every publication still waiting to go out, crisis statements included, e.g. when
     * the situation changed and every prepared text must be re-read. Each is released one by one.
     */
    @WithTransaction
    public Uni<Integer> holdEverything(String crisisManager, String reason) {
        String why = reason != null && !reason.isBlank() ? reason : "everything held by hand";
        return publications.pending().chain(list -> sequentially(list, publication ->
                        move(publication, PublicationState.HELD, crisisManager, why))
                .invoke(() -> Log.infof("%s held %d pending publications: %s", crisisManager, list.size(), why))
                .replaceWith(list.size()));
    }

    /** Releases a held post: it goes out at its time even though the crisis is still live. */
    @WithTransaction
    public Uni<PublicationView> releaseHold(UUID id, String crisisManager) {
        return change(id, publication -> {
            if (publication.getState() != PublicationState.HELD) {
                throw ProblemException.conflict("publication-not-held", "publication " + id + " is "
                        + publication.getState() + ", not HELD");
            }
            publication.releaseHold(crisisManager, now());
            return record(publication, PublicationState.HELD, crisisManager, "hold released");
        });
    }

    @WithSession
    public Uni<PublicationView> get(UUID id) {
        return find(id).chain(this::view);
    }

    @WithSession
    public Uni<List<PublicationView>> list(UUID crisisId, UUID channelId, PublicationState state, int page, int size) {
        return publications.search(crisisId, channelId, state, page, size)
                .map(list -> list.stream().map(publication -> PublicationView.of(publication, List.of())).toList());
    }

    // --- by the dispatcher -------------------------------------------------------------------------------

    /**
     * Claims due publications for {@code replica}: each locked row is claimed (PUBLISHING with a lease), held
     * (a live crisis), failed (nothing can send it) or, when a crashed replica's claim expired on a platform
     * without idempotency keys, marked UNKNOWN so that nobody re-sends what may already be out. Those falling due
     * within {@code lookahead} are reserved instead, for {@link #claimReserved} at their due time: the dispatcher
     * then sends them on time rather than a scheduler tick late, and a cancel or hold before then still applies.
     */
    @WithTransaction
    public Uni<Due> claimDue(String replica, int limit, Duration lookahead) {
        Instant now = now();
        return crises.anyHoldingScheduledPosts().chain(crisisLive -> publications
                .lockDue(now, now.plus(lookahead), limit)
                .chain(due -> {
                    List<Claim> claims = new ArrayList<>();
                    List<Reservation> reserved = new ArrayList<>();
                    return sequentially(due, publication -> {
                        if (publication.getDueAt().isAfter(now) && waiting(publication)) {
                            // Nothing is sent while reserved, so a reservation can be short: a replica that did
                            // not claim it within a lookahead after its due time has died, and another takes it.
                            publication.reserve(replica, publication.getDueAt().plus(lookahead));
                            reserved.add(new Reservation(publication.getId(), publication.getDueAt()));
                            return Uni.createFrom().voidItem();
                        }
                        return claimOne(publication, replica, crisisLive, now)
                                .invoke(claim -> claim.ifPresent(claims::add)).replaceWithVoid();
                    }).replaceWith(() -> new Due(claims, reserved));
                }));
    }

    /**
     * At its due time, claims a publication {@code replica} reserved, as {@link #claimDue} would have: nothing when
     * it was cancelled, held or rescheduled meanwhile, and held now if a crisis went live meanwhile.
     */
    @WithTransaction
    public Uni<Optional<Claim>> claimReserved(Reservation reservation, String replica) {
        Instant now = now();
        return crises.anyHoldingScheduledPosts().chain(crisisLive -> publications
                .lockReserved(reservation.publicationId(), replica)
                .chain(publication -> {
                    if (publication == null) {
                        Log.infof("Publication %s was cancelled, held, rescheduled or taken over before its due"
                                + " time: %s does not send it", reservation.publicationId(), replica);
                        return Uni.createFrom().item(Optional.<Claim>empty());
                    }
                    if (publication.getDueAt().isAfter(now)) {
                        // Never early: the next pass takes it up again.
                        publication.reserve(null, null);
                        return Uni.createFrom().item(Optional.<Claim>empty());
                    }
                    return claimOne(publication, replica, crisisLive, now);
                }));
    }

    private static boolean waiting(Publication publication) {
        return publication.getState() == PublicationState.SCHEDULED
                || publication.getState() == PublicationState.RETRYING;
    }

    private Uni<Optional<Claim>> claimOne(Publication publication, String replica, boolean crisisLive, Instant now) {
        Uni<Optional<Claim>> none = Uni.createFrom().item(Optional.empty());
        boolean expiredClaim = publication.getState() == PublicationState.PUBLISHING;
        boolean unknown = publication.getState() == PublicationState.UNKNOWN;
        if (!expiredClaim && !unknown && crisisLive && publication.heldByLiveCrisis()) {
            return move(publication, PublicationState.HELD, CRISIS_HOLD, "a crisis is live").replaceWith(none);
        }
        return channels.findById(publication.getChannelId()).chain(channel -> {
            Optional<PlatformAdapter> adapter = publication.isDrill() ? Optional.of(adapters.sandbox())
                    : adapters.of(channel.getPlatform());
            if (adapter.isEmpty()) {
                String reason = "no adapter for " + channel.getPlatform() + " yet";
                return (unknown ? unknown(publication, reason) : fail(publication, reason)).replaceWith(none);
            }
            Refusal refusal = publication.isReply()
                    ? ReplyRules.check(channel.getPlatform(), publication.getReplyPlatform()) : null;
            if (refusal != null || publication.isReply() && !adapter.get().canReply()) {
                String reason = refusal != null ? refusal.reason()
                        : ReplyRules.NOT_SUPPORTED + ": the " + adapter.get().platform() + " adapter cannot reply";
                return (unknown ? unknown(publication, reason) : fail(publication, reason)).replaceWith(none);
            }
            if (!publication.isDrill() && channel.getStatus() == Channel.Status.BROKEN) {
                String reason = "channel " + channel.getId() + " is broken: " + channel.getLastError();
                return (unknown || expiredClaim && !adapter.get().idempotent() ? unknown(publication, reason)
                        : fail(publication, reason)).replaceWith(none);
            }
            if ((expiredClaim || unknown) && !adapter.get().idempotent()) {
                if (!adapter.get().canLookUp()) {
                    String why = unknown ? "the send was interrupted" : "the claim of " + publication.getLeaseOwner()
                            + " expired mid-send";
                    return unknown(publication, why + " and " + channel.getPlatform()
                            + " cannot deduplicate: look the post up before sending again").replaceWith(none);
                }
                publication.mustReconcile();
            }
            TextCheck check = channel.rules().check(publication.getText(), publication.isAllowThread());
            if (!check.ok()) {
                // An UNKNOWN post may be out already: a person decides, it never becomes FAILED by itself.
                return (unknown ? unknown(publication, check.detail()) : fail(publication, check.detail()))
                        .replaceWith(none);
            }
            String previousOwner = publication.getLeaseOwner();
            PublicationState from = publication.getState();
            publication.claim(replica, now, now.plus(config.lease()));
            ChannelAccess access = new ChannelAccess(channel.getId(), channel.apiBaseUrl(), channel.getAccount(),
                    publication.isDrill() ? java.util.Map.of() : channelService.credentialsOf(channel));
            boolean lookUpFirst = publication.isReconcile() && adapter.get().canLookUp();
            String reason = (expiredClaim ? "claim of " + previousOwner + " expired; " : "")
                    + (lookUpFirst ? "looking the post up, then " : "") + "attempt " + publication.getAttempts();
            return record(publication, from, replica, reason).replaceWith(Optional.of(
                    new Claim(publication.getId(), adapter.get(), access, check.parts(), publication.getAttempts(),
                            lookUpFirst, publication.getCreatedAt(), publication.isReply()
                            ? new ReplyTo(publication.getReplyPostId(), publication.getReplyPostUrl()) : null)));
        });
    }

    /** What the platform answered; ignored when this replica's claim was taken over meanwhile. */
    @WithTransaction
    public Uni<Void> recordOutcome(Claim claim, String replica, Published published, Throwable failure) {
        return publications.findById(claim.publicationId()).chain(publication -> {
            if (publication == null || !publication.isClaimedBy(replica)) {
                Log.warnf("Publication %s: claim of %s was taken over, outcome dropped", claim.publicationId(), replica);
                return Uni.createFrom().voidItem();
            }
            Instant now = now();
            if (failure == null) {
                publication.published(published.externalId(), published.url(), replica, now);
                Log.infof("Publication %s published as %s", publication.getId(), published.externalId());
                return record(publication, PublicationState.PUBLISHING, replica, "published " + published.url());
            }
            if (failure instanceof LookupFailed lookup) {
                return lookupFailed(publication, lookup, replica, now);
            }
            PlatformException problem = failure instanceof PlatformException known ? known
                    : PlatformException.transientFailure(0, "unexpected: " + failure, null);
            return switch (problem.kind()) {
                case UNAUTHORIZED -> breakChannel(publication, problem, now)
                        .chain(() -> fail(publication, problem.getMessage()));
                case REJECTED -> fail(publication, problem.getMessage());
                case TRANSIENT -> {
                    if (problem.maybeDelivered() && !claim.adapter().idempotent()) {
                        yield interrupted(publication, claim.adapter(), problem, replica, now);
                    }
                    if (publication.getAttempts() >= config.maxAttempts()) {
                        yield fail(publication, "gave up after " + publication.getAttempts() + " attempts: "
                                + problem.getMessage());
                    }
                    Instant due = now.plus(delayBeforeRetry(publication.getAttempts(), problem.retryAfter()));
                    publication.retryAt(due, problem.getMessage(), replica, now);
                    Log.infof("Publication %s: %s; retry at %s", publication.getId(), problem.getMessage(), due);
                    yield record(publication, PublicationState.PUBLISHING, replica, problem.getMessage());
                }
            };
        });
    }

    /**
     * The request left and no answer came back, on a platform that takes no idempotency key: sending again could
     * double-post. UNKNOWN; looked up on the platform by the dispatcher before any retry where the platform can be
     * asked, else left to a person.
     */
    private Uni<Void> interrupted(Publication publication, PlatformAdapter adapter, PlatformException problem,
                                  String replica, Instant now) {
        if (!adapter.canLookUp() || publication.getAttempts() >= config.maxAttempts()) {
            return unknown(publication, problem.getMessage() + ": the post may have gone out; look it up before"
                    + " sending it again");
        }
        Instant due = now.plus(delayBeforeRetry(publication.getAttempts(), null));
        publication.unknownToReconcile(due, problem.getMessage(), replica, now);
        Log.warnf("Publication %s is UNKNOWN after %s; looking it up on %s at %s", publication.getId(),
                problem.getMessage(), adapter.platform(), due);
        return record(publication, PublicationState.PUBLISHING, replica, problem.getMessage()
                + ": the post may have gone out; looking it up before any retry");
    }

    /** Nothing was sent: look again later while the lookup is what failed, else leave it to a person. */
    private Uni<Void> lookupFailed(Publication publication, LookupFailed lookup, String replica, Instant now) {
        PlatformException problem = lookup.problem();
        if (!lookup.partial() && problem.kind() == PlatformException.Kind.TRANSIENT
                && publication.getAttempts() < config.maxAttempts()) {
            Instant due = now.plus(delayBeforeRetry(publication.getAttempts(), problem.retryAfter()));
            publication.unknownToReconcile(due, problem.getMessage(), replica, now);
            return record(publication, PublicationState.PUBLISHING, replica, "lookup failed: " + problem.getMessage());
        }
        Uni<Void> broken = problem.kind() == PlatformException.Kind.UNAUTHORIZED
                ? breakChannel(publication, problem, now) : Uni.createFrom().voidItem();
        return broken.chain(() -> unknown(publication, "could not tell whether the post went out: "
                + problem.getMessage()));
    }

    private Uni<Void> breakChannel(Publication publication, PlatformException problem, Instant now) {
        return channels.findById(publication.getChannelId())
                .invoke(channel -> channel.credentialsRefused(problem.getMessage(), now))
                .replaceWithVoid();
    }

    /** The platform's Retry-After when it gave one; else exponential back-off with jitter (50 to 100 %). */
    Duration delayBeforeRetry(int attempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long exponential = config.firstBackoff().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(exponential, config.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    // --- moves, recorded --------------------------------------------------------------------------------

    private Uni<Void> fail(Publication publication, String reason) {
        PublicationState from = publication.getState();
        publication.failed(reason, DISPATCHER, now());
        Log.infof("Publication %s failed: %s", publication.getId(), reason);
        return record(publication, from, DISPATCHER, reason);
    }

    private Uni<Void> unknown(Publication publication, String reason) {
        PublicationState from = publication.getState();
        publication.unknown(reason, DISPATCHER, now());
        Log.warnf("Publication %s is UNKNOWN: %s", publication.getId(), reason);
        return record(publication, from, DISPATCHER, reason);
    }

    private Uni<Void> move(Publication publication, PublicationState target, String actor, String reason) {
        PublicationState from = guarded(() -> publication.moveTo(target, actor, now()));
        Log.infof("Publication %s: %s -> %s by %s (%s)", publication.getId(), from, target, actor, reason);
        return record(publication, from, actor, reason);
    }

    /** The transition row and the event announcing it, in the caller's transaction. */
    private Uni<Void> record(Publication publication, PublicationState from, String actor, String reason) {
        PublicationChanged changed = new PublicationChanged(publication.getId(), publication.getStatementId(),
                publication.getCrisisId(), publication.getChannelId(), publication.getPlatform().name(),
                publication.getState().name(), publication.getExternalId(), publication.getUrl(),
                publication.getLastError(), publication.getScheduledAt(), publication.getUpdatedAt());
        return transitions.persist(PublicationTransition.of(publication.getId(), from, publication.getState(), actor,
                        reason, publication.getUpdatedAt()))
                .chain(() -> outbox.publish(Topics.PUBLICATIONS, EventTypes.PUBLICATION_PREFIX
                        + publication.getState().name().toLowerCase(Locale.ROOT), publication.getId().toString(), changed))
                .replaceWithVoid();
    }

    private Uni<PublicationView> change(UUID id, Function<Publication, Uni<Void>> change) {
        return find(id).chain(publication -> change.apply(publication).chain(() -> view(publication)));
    }

    private static <T> T guarded(java.util.function.Supplier<T> move) {
        try {
            return move.get();
        } catch (IllegalPublicationMove e) {
            throw ProblemException.conflict("illegal-publication-state", e.getMessage());
        }
    }

    private Uni<Publication> find(UUID id) {
        return publications.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("publication", id));
    }

    private Uni<PublicationView> view(Publication publication) {
        return transitions.ofPublication(publication.getId()).map(list -> PublicationView.of(publication, list));
    }

    /** One after the other: a reactive session runs one statement at a time. */
    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<Void>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item));
        }
        return chain;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
