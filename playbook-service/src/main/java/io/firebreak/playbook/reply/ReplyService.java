package io.firebreak.playbook.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PublicationChanged;
import io.firebreak.events.StatementChanged;
import io.firebreak.events.Topics;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.outbox.OutboxRelay;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.client.ChannelRules;
import io.firebreak.playbook.client.ChannelValidation;
import io.firebreak.playbook.client.ChannelValidationRequest;
import io.firebreak.playbook.client.Mention;
import io.firebreak.playbook.client.MonitoringClient;
import io.firebreak.playbook.client.PublishingClient;
import io.firebreak.playbook.client.ToneRequest;
import io.firebreak.playbook.client.ToneResult;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.crisis.CrisisRepository;
import io.firebreak.playbook.playbook.PlaybookDefinition;
import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyApproval;
import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyTemplate;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookRef;
import io.firebreak.playbook.playbook.PlaybookService;
import io.firebreak.playbook.reply.ReplyDtos.DraftReplyRequest;
import io.firebreak.playbook.reply.ReplyDtos.MentionRef;
import io.firebreak.playbook.reply.ReplyDtos.ReplyView;
import io.firebreak.playbook.statement.ChannelCheck;
import io.firebreak.playbook.statement.StatementDtos.ChannelCheckView;
import io.firebreak.playbook.statement.ToneGate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Replies to critics: drafted from a mention (suggested from the playbook's reply templates), tone- and
 * channel-checked as they are written, sent by their author, let out by the playbook's policy or approved by someone
 * else, and handed to publishing-service through the outbox to go out in the critic's thread.
 */
@ApplicationScoped
public class ReplyService {

    private static final String PUBLICATION_CONSUMER = "reply-publications";
    /** The database's guard against two live replies to one mention (V9__create_replies.sql). */
    private static final String ONE_LIVE_PER_MENTION = "reply_one_live_per_mention";
    private static final Set<String> PLATFORM_REFUSALS = Set.of("replies-not-supported", "reply-platform-mismatch");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");
    private static final PlaybookDefinition NO_PLAYBOOK = new PlaybookDefinition(null, null, null, null, null);

    private final ReplyRepository replies;
    private final CrisisRepository crises;
    private final PlaybookService playbooks;
    private final MonitoringClient monitoring;
    private final PublishingClient publishing;
    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock;

    public ReplyService(ReplyRepository replies, CrisisRepository crises, PlaybookService playbooks,
                        @RestClient MonitoringClient monitoring, @RestClient PublishingClient publishing,
                        ProcessedEvents processedEvents, Outbox outbox, OutboxRelay relay, ObjectMapper json,
                        Clock clock) {
        this.replies = replies;
        this.crises = crises;
        this.playbooks = playbooks;
        this.monitoring = monitoring;
        this.publishing = publishing;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A draft reply to a mention of the crisis' watch: the suggested text (the template for the mention's language
     * and complaint, unless a template or a text is given), checked against the reply channel (a platform that
     * cannot reply, or another platform, is refused now, not at publish time) and by the tone check. One live reply
     * per mention (409 {@code mention-already-answered}, also when two are drafted at once).
     */
    public Uni<ReplyView> draft(UUID crisisId, DraftReplyRequest request, String author) {
        UUID mentionId = request.mentionId();
        return Panache.withSession(() -> liveCrisis(crisisId).chain(crisis -> {
                    requireWatch(crisis);
                    return replies.liveFor(mentionId).chain(existing -> {
                        if (existing != null) {
                            return Uni.createFrom().failure(alreadyAnswered(mentionId, existing));
                        }
                        return plan(crisis).map(plan -> new Setting(crisis.getWatchId(), plan));
                    });
                }))
                .chain(setting -> mention(mentionId).chain(mention -> {
                    if (!mention.watchIds().contains(setting.watchId())) {
                        throw new ProblemException(422, "mention-not-in-crisis", "Mention outside the crisis",
                                "mention " + mentionId + " is not a mention of watch " + setting.watchId()
                                        + ", which crisis " + crisisId + " follows");
                    }
                    Suggestion suggestion = suggest(setting.plan(), mention, request);
                    return channelFor(request.channelId(), setting.plan(), mention)
                            .chain(channelId -> channels(suggestion.text(), channelId, mention.source())
                                    .invoke(ReplyService::refuseUnfitChannel)
                                    .chain(channels -> tone(suggestion.text(), suggestion.language())
                                            .chain(tone -> Panache.withTransaction(() -> {
                                                Reply reply = Reply.draft(crisisId, mention, suggestion.complaint(),
                                                        suggestion.templateKey(), suggestion.templateText(),
                                                        suggestion.language(), suggestion.text(), channelId, author,
                                                        now());
                                                record(reply, tone);
                                                record(reply, channels);
                                                return replies.persistAndFlush(reply).map(ignored -> reply);
                                            }))));
                }))
                .onFailure(ReplyService::secondLiveReply).transform(failure -> alreadyAnswered(mentionId, null))
                .invoke(reply -> Log.infof("Reply %s drafted by %s for mention %s (%s) in crisis %s", reply.getId(),
                        author, mentionId, reply.getComplaint(), crisisId))
                .map(this::view);
    }

    /** New wording by the author, checked again; a reply waiting for approval goes back to a draft. */
    public Uni<ReplyView> edit(UUID id, String text, String user) {
        String newText = text.strip();
        return Panache.withSession(() -> existing(id)).chain(reply -> {
            requireAuthor(reply, user, "edit");
            requireEditable(reply);
            return channels(newText, reply.getChannelId(), reply.getMentionSource())
                    .chain(channels -> tone(newText, reply.getLanguage())
                            .chain(tone -> Panache.withTransaction(() -> locked(id).map(current -> {
                                requireEditable(current);
                                current.edit(newText, now());
                                record(current, tone);
                                record(current, channels);
                                Log.infof("Reply %s edited by %s", id, user);
                                return view(current);
                            }))));
        });
    }

    /**
     * The author sends the reply: checked again (tone, channel), then let out by the playbook's policy when it is
     * exactly its template and courteous, else left for an approver. A discourteous reply is refused (422
     * {@code tone-rejected}) with what was flagged and why; a check that cannot run makes sending wait (503).
     */
    public Uni<ReplyView> send(UUID id, String user) {
        return Panache.withSession(() -> existing(id).chain(reply -> {
            requireAuthor(reply, user, "send");
            requireDraft(reply);
            return liveCrisis(reply.getCrisisId()).chain(this::plan)
                    .map(plan -> new Sending(reply.getText(), reply.getLanguage(), reply.getChannelId(),
                            reply.getMentionSource(), plan.replyApproval()));
        })).chain(sending -> tone(sending.text(), sending.language())
                .chain(tone -> channels(sending.text(), sending.channelId(), sending.platform())
                        .map(channels -> new Checked(sending, tone, channels))))
                .chain(checked -> Panache.withTransaction(() -> locked(id).chain(reply -> {
                    requireDraft(reply);
                    if (!reply.getText().equals(checked.sending().text())) {
                        return Uni.createFrom().failure(ProblemException.conflict("reply-changed",
                                "reply " + id + " was edited while it was being sent: send it again"));
                    }
                    record(reply, checked.tone());
                    record(reply, checked.channels());
                    if (!checked.complete() || !checked.channels().fit()) {
                        // Commit what the checks said, then answer why the reply did not go.
                        return Uni.createFrom().item(new Sent(reply, null));
                    }
                    ReplyPolicy.Outcome outcome = ReplyPolicy.onSend(checked.sending().policy(),
                            reply.isExactTemplate(), checked.tone().result().verdict());
                    switch (outcome) {
                        case BY_POLICY -> {
                            reply.approveByPolicy(user, now());
                            return crises.findById(reply.getCrisisId()).chain(crisis -> publish(reply, crisis))
                                    .map(ignored -> new Sent(reply, outcome));
                        }
                        case APPROVER -> reply.awaitApproval(user, now());
                        default -> {
                            // REFUSED: stays a draft to be rewritten.
                        }
                    }
                    return Uni.createFrom().item(new Sent(reply, outcome));
                })).map(sent -> {
                    ReplyView view = view(sent.reply());
                    if (sent.outcome() == null) {
                        throw whyNotSent(checked, view);
                    }
                    if (sent.outcome() == ReplyPolicy.Outcome.REFUSED) {
                        throw toneRejected(view);
                    }
                    if (sent.outcome() == ReplyPolicy.Outcome.BY_POLICY) {
                        relay.relaySoon();
                    }
                    Log.infof("Reply %s sent by %s: %s", id, user, sent.outcome() == ReplyPolicy.Outcome.BY_POLICY
                            ? "approved by the playbook's policy" : "waits for an approver");
                    return view;
                }));
    }

    /** An approver other than the author lets a waiting reply out; the outbox is nudged once it is committed. */
    public Uni<ReplyView> approve(UUID id, String approver) {
        return Panache.withTransaction(() -> locked(id).chain(reply -> {
            if (reply.getAuthor().equals(approver)) {
                throw ProblemException.forbidden("four-eyes",
                        "reply " + id + " was written by " + approver + ": someone else must approve it");
            }
            requirePending(reply);
            return liveCrisis(reply.getCrisisId()).chain(crisis -> {
                reply.approveBy(approver, now());
                return publish(reply, crisis);
            }).map(ignored -> {
                Log.infof("Reply %s approved by %s", id, approver);
                return view(reply);
            });
        })).invoke(relay::relaySoon);
    }

    /** An approver turns a reply down, saying why; the mention may be answered again. */
    @WithTransaction
    public Uni<ReplyView> reject(UUID id, String reason, String approver) {
        return locked(id).map(reply -> {
            if (reply.getStatus() != Reply.Status.DRAFT && reply.getStatus() != Reply.Status.PENDING_APPROVAL) {
                throw ProblemException.conflict("reply-not-pending",
                        "reply " + id + " is " + reply.getStatus() + ": only a draft or a waiting reply is rejected");
            }
            reply.reject(approver, reason.strip(), now());
            Log.infof("Reply %s rejected by %s", id, approver);
            return view(reply);
        });
    }

    @WithSession
    public Uni<ReplyView> get(UUID id) {
        return existing(id).map(this::view);
    }

    @WithSession
    public Uni<List<ReplyView>> ofCrisis(UUID crisisId) {
        return crises.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .chain(crisis -> replies.ofCrisis(crisisId))
                .map(list -> list.stream().map(this::view).toList());
    }

    /**
     * publishing-service's report on a reply (its statement id is the reply's): published in the thread, or failed.
     * Each event applies once; reports on statements and other posts are ignored here.
     */
    @WithTransaction
    public Uni<Void> applyPublication(CloudEvent<PublicationChanged> event) {
        PublicationChanged publication = event.data();
        if (publication.statementId() == null) {
            return Uni.createFrom().voidItem();
        }
        return processedEvents.firstDelivery(PUBLICATION_CONSUMER, event.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : replies.findById(publication.statementId()).invoke(reply -> {
                    if (reply == null || (reply.getStatus() != Reply.Status.APPROVED
                            && reply.getStatus() != Reply.Status.FAILED)) {
                        return;
                    }
                    Instant at = publication.changedAt() != null ? publication.changedAt() : now();
                    if ("PUBLISHED".equalsIgnoreCase(publication.state())) {
                        reply.published(publication.url(), publication.externalId(), at);
                        Log.infof("Reply %s published: %s", reply.getId(), publication.url());
                    } else if ("FAILED".equalsIgnoreCase(publication.state())
                            && reply.getStatus() == Reply.Status.APPROVED) {
                        reply.failed(publication.error(), at);
                        Log.infof("Reply %s failed to publish: %s", reply.getId(), publication.error());
                    }
                }).replaceWithVoid());
    }

    private Uni<Void> publish(Reply reply, Crisis crisis) {
        StatementChanged event = new StatementChanged(reply.getId(), reply.getCrisisId(),
                StatementChanged.REPLY_PHASE, reply.getLanguage(), reply.getText(), List.of(reply.getChannelId()),
                reply.getApprovedAt(), false, crisis.isDrill(), reply.getApprovedBy(), reply.getUpdatedAt(),
                new StatementChanged.ReplyTarget(reply.getMentionSource(), reply.getMentionExternalId(),
                        reply.getMentionUrl(), reply.getMentionAuthor()));
        return outbox.publish(Topics.STATEMENTS, EventTypes.STATEMENT_APPROVED, reply.getCrisisId().toString(), event)
                .replaceWithVoid();
    }

    /** What to start the reply from: the given text, or the chosen (or fitting) template for this critic. */
    static Suggestion suggest(PlaybookDefinition plan, Mention mention, DraftReplyRequest request) {
        Complaint complaint = ComplaintClassifier.classify(mention.text());
        Optional<ReplyTemplate> template;
        if (request.templateKey() != null && !request.templateKey().isBlank()) {
            template = ReplyTemplates.byKey(plan.replyTemplates(), request.templateKey().strip());
            if (template.isEmpty()) {
                throw ProblemException.invalid("unknown-template", "templateKey: the crisis' playbook has no reply "
                                + "template " + request.templateKey(),
                        List.of(new Problem.FieldError("templateKey", "no such reply template in the playbook")));
            }
        } else {
            template = ReplyTemplates.pick(plan.replyTemplates(), knownLanguage(mention.language()), complaint);
        }
        boolean free = request.text() != null && !request.text().isBlank();
        if (!free && template.isEmpty()) {
            throw ProblemException.invalid("no-template", "text: the crisis' playbook has no reply template for a "
                            + complaint + " complaint in " + mention.language() + ": write the reply",
                    List.of(new Problem.FieldError("text", "must not be blank without a reply template")));
        }
        String suggested = template.map(t -> ReplyTemplates.render(t, mention.author())).orElse(null);
        String language = !free && template.isPresent() ? template.get().language()
                : Optional.ofNullable(knownLanguage(mention.language()))
                        .or(() -> template.map(ReplyTemplate::language)).orElse("en");
        return new Suggestion(complaint, template.map(ReplyTemplate::key).orElse(null), suggested, language,
                free ? request.text().strip() : suggested);
    }

    /**
     * The channel to reply from: the one asked for, else the crisis' planned channel (a channel id among the
     * playbook's templates and audiences) on the mention's platform when there is exactly one; otherwise 422
     * asking to pick one.
     */
    private Uni<UUID> channelFor(UUID requested, PlaybookDefinition plan, Mention mention) {
        if (requested != null) {
            return Uni.createFrom().item(requested);
        }
        List<UUID> planned = plannedChannels(plan);
        if (planned.isEmpty()) {
            return Uni.createFrom().failure(pickOne("the crisis' playbook plans no publishing channel"));
        }
        List<Uni<Optional<ChannelRules>>> lookups = planned.stream().map(id -> publishing.rules(id)
                .map(Optional::ofNullable)
                .onFailure(ReplyService::notFound).recoverWithItem(Optional.empty())).toList();
        return Uni.join().all(lookups).andFailFast()
                .onFailure().transform(failure -> {
                    Log.warnf("Channel rules lookup failed: %s", failure.toString());
                    return new ProblemException(503, "channel-check-unavailable", "Channel check unavailable",
                            "publishing-service could not say which planned channel is on " + mention.source()
                                    + "; try again, or name the channel (channelId)");
                })
                .map(rules -> {
                    List<UUID> onPlatform = rules.stream().flatMap(Optional::stream)
                            .filter(r -> ReplyPlatforms.same(mention.source(), r.platform()))
                            .map(ChannelRules::channelId).distinct().toList();
                    if (onPlatform.size() != 1) {
                        throw pickOne(onPlatform.isEmpty()
                                ? "no planned channel of the crisis is on " + mention.source()
                                : onPlatform.size() + " planned channels are on " + mention.source() + " ("
                                        + String.join(", ", onPlatform.stream().map(UUID::toString).toList()) + ")");
                    }
                    return onPlatform.get(0);
                });
    }

    static List<UUID> plannedChannels(PlaybookDefinition plan) {
        Set<UUID> ids = new LinkedHashSet<>();
        List<String> named = new ArrayList<>();
        plan.templates().forEach(t -> named.add(t.channel()));
        plan.audiences().forEach(a -> named.addAll(a.channels()));
        for (String channel : named) {
            try {
                ids.add(UUID.fromString(channel.strip()));
            } catch (IllegalArgumentException | NullPointerException notAnId) {
                // A platform name (x, website...): not a channel publishing-service can answer for.
            }
        }
        return List.copyOf(ids);
    }

    private static ProblemException pickOne(String why) {
        return new ProblemException(422, "channel-required", "Pick the channel to reply from",
                why + ": name the channel to reply from (channelId)",
                List.of(new Problem.FieldError("channelId", "pick the channel to reply from")));
    }

    /** At draft time, a channel that cannot answer this post at all is refused at once (not at publish time). */
    private static void refuseUnfitChannel(ChannelOutcome outcome) {
        if (outcome.refusal() != null) {
            throw new ProblemException(422, "channel-refused", "The channel refuses the reply",
                    "publishing-service refused the channel check: " + outcome.refusal(),
                    List.of(new Problem.FieldError("channelId", outcome.refusal())));
        }
        outcome.platformRefusal().ifPresent(verdict -> {
            throw new ProblemException(422, verdict.problem().toLowerCase(Locale.ROOT),
                    "The channel cannot post this reply", verdict.detail() != null ? verdict.detail()
                    : "channel " + verdict.channelId() + " (" + verdict.platform() + "): " + verdict.problem(),
                    List.of(new Problem.FieldError("channelId", verdict.problem())));
        });
    }

    /** Why a sent reply did not go: a check that could not run (503) or a channel that refuses it (422). */
    private ProblemException whyNotSent(Checked checked, ReplyView view) {
        if (checked.tone().result() == null) {
            return new ProblemException(503, "tone-check-unavailable", "Tone check unavailable",
                    "sending waits: " + checked.tone().unavailable());
        }
        if (!ToneGate.approvable(checked.tone().result().verdict())) {
            return toneRejected(view);
        }
        ChannelOutcome channels = checked.channels();
        if (channels.refusal() == null && channels.verdicts() == null) {
            return new ProblemException(503, "channel-check-unavailable", "Channel check unavailable",
                    "sending waits: " + channels.reason());
        }
        try {
            refuseUnfitChannel(channels);
        } catch (ProblemException refused) {
            return refused;
        }
        List<String> problems = view.channelCheck() == null ? List.of() : view.channelCheck().problems();
        return new ProblemException(422, "channel-rules-failed", "The channel refuses the reply",
                "the channel check failed: " + String.join("; ", problems),
                problems.stream().map(p -> new Problem.FieldError("text", p)).toList());
    }

    private static ProblemException toneRejected(ReplyView view) {
        List<Problem.FieldError> flagged = view.toneFindings().stream()
                .map(f -> new Problem.FieldError("text", f.category() + " at " + f.start() + "-" + f.end()
                        + (f.excerpt() == null ? "" : " \"" + f.excerpt() + "\"") + ": " + f.reason()))
                .toList();
        String reasons = String.join("; ", flagged.stream().map(Problem.FieldError::message).toList());
        return new ProblemException(422, "tone-rejected", "Tone check refused the reply",
                "the tone check answered " + view.toneVerdict() + (reasons.isEmpty() ? "" : ": " + reasons), flagged);
    }

    private Uni<Mention> mention(UUID mentionId) {
        return monitoring.mention(mentionId)
                .onFailure(ReplyService::notFound).transform(f -> ProblemException.notFound("mention", mentionId))
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
                    Log.warnf("Mention %s lookup failed: %s", mentionId, failure.toString());
                    return monitoringUnavailable();
                });
    }

    static ProblemException monitoringUnavailable() {
        return new ProblemException(503, "monitoring-unavailable", "Monitoring unavailable",
                "monitoring-service could not be asked for the mentions; try again when it is back");
    }

    /** The tone check's answer, or why there is none. A failure of monitoring-service is an outcome, not an error. */
    private Uni<ToneOutcome> tone(String text, String language) {
        return monitoring.checkTone(new ToneRequest(text, language))
                .map(result -> new ToneOutcome(result, null))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Tone check failed: %s", failure.toString());
                    return new ToneOutcome(null, "monitoring-service tone check unreachable or failing ("
                            + failure.getClass().getSimpleName() + "); try again when it is back");
                });
    }

    /**
     * publishing-service's verdict on the text as a single post from this channel, in reply to a post on
     * {@code platform}; unreachable: an outcome (the check is pending); a 4xx answer: a refusal.
     */
    private Uni<ChannelOutcome> channels(String text, UUID channelId, String platform) {
        return publishing.validate(new ChannelValidationRequest(text, List.of(channelId), false, platform))
                .map(validation -> new ChannelOutcome(ChannelCheck.statusOf(validation), validation.channels(),
                        validation.ok() ? null : "the channel refuses the reply", null))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof WebApplicationException refusal
                            && refusal.getResponse().getStatus() >= 400 && refusal.getResponse().getStatus() < 500
                            && refusal.getResponse().getStatus() != 401 && refusal.getResponse().getStatus() != 403) {
                        String detail = problemDetail(refusal);
                        return new ChannelOutcome(ChannelCheck.Status.FAILED, List.of(),
                                "publishing-service refused the check: " + detail, detail);
                    }
                    Log.warnf("Reply channel check failed: %s", failure.toString());
                    return new ChannelOutcome(ChannelCheck.Status.UNAVAILABLE, null,
                            "publishing-service channel check unreachable or failing ("
                                    + failure.getClass().getSimpleName() + "); sending waits", null);
                });
    }

    private String problemDetail(WebApplicationException refusal) {
        try {
            JsonNode problem = json.readTree(refusal.getResponse().readEntity(String.class));
            return problem.path("detail").asText("HTTP " + refusal.getResponse().getStatus());
        } catch (RuntimeException | JsonProcessingException unreadable) {
            return "HTTP " + refusal.getResponse().getStatus();
        }
    }

    private void record(Reply reply, ToneOutcome outcome) {
        if (outcome.result() == null) {
            reply.toneUnavailable(outcome.unavailable(), now());
        } else {
            reply.toneChecked(outcome.result().verdict(), write(outcome.result().findings()), now());
        }
    }

    private void record(Reply reply, ChannelOutcome outcome) {
        reply.channelChecked(outcome.status(), outcome.verdicts() == null ? null : write(outcome.verdicts()),
                outcome.reason(), now());
    }

    private Uni<PlaybookDefinition> plan(Crisis crisis) {
        return crisis.getPlaybookId() == null ? Uni.createFrom().item(NO_PLAYBOOK)
                : playbooks.definition(new PlaybookRef(crisis.getPlaybookId(), crisis.getPlaybookVersion()));
    }

    /** In the caller's session: the crisis, live (ACTIVE or CONTAINED), else 404/409. */
    Uni<Crisis> liveCrisis(UUID crisisId) {
        return crises.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .map(crisis -> {
                    if (!crisis.getStatus().isLive()) {
                        throw ProblemException.conflict("crisis-not-active", "crisis " + crisisId + " is "
                                + crisis.getStatus() + ": critics are answered while a crisis is ACTIVE or CONTAINED");
                    }
                    return crisis;
                });
    }

    static void requireWatch(Crisis crisis) {
        if (crisis.getWatchId() == null) {
            throw ProblemException.conflict("crisis-without-watch", "crisis " + crisis.getId()
                    + " follows no monitoring watch, so it has no mentions to answer; propose it from a signal or "
                    + "with a watchId");
        }
    }

    private Uni<Reply> existing(UUID id) {
        return replies.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("reply", id));
    }

    /** The reply, locked until the transaction ends: sending, approving and rejecting it happen one at a time. */
    private Uni<Reply> locked(UUID id) {
        return replies.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("reply", id));
    }

    private static void requireAuthor(Reply reply, String user, String what) {
        if (!reply.getAuthor().equals(user)) {
            throw ProblemException.forbidden("not-author", "reply " + reply.getId() + " was written by "
                    + reply.getAuthor() + ": only its author may " + what + " it");
        }
    }

    private static void requireDraft(Reply reply) {
        if (reply.getStatus() != Reply.Status.DRAFT) {
            throw ProblemException.conflict("reply-not-draft",
                    "reply " + reply.getId() + " is " + reply.getStatus() + ", not a draft");
        }
    }

    private static void requireEditable(Reply reply) {
        if (reply.getStatus() != Reply.Status.DRAFT && reply.getStatus() != Reply.Status.PENDING_APPROVAL) {
            throw ProblemException.conflict("reply-not-editable",
                    "reply " + reply.getId() + " is " + reply.getStatus() + ": it can no longer be edited");
        }
    }

    private static void requirePending(Reply reply) {
        if (reply.getStatus() != Reply.Status.PENDING_APPROVAL) {
            throw ProblemException.conflict("reply-not-pending",
                    "reply " + reply.getId() + " is " + reply.getStatus() + ", not waiting for approval");
        }
    }

    private static ProblemException alreadyAnswered(UUID mentionId, Reply existing) {
        return ProblemException.conflict("mention-already-answered", "mention " + mentionId + " already has a reply"
                + (existing == null ? "" : " (" + existing.getId() + ", " + existing.getStatus() + ", by "
                + existing.getAuthor() + ")") + "; only a rejected reply frees it");
    }

    /** The database refused a second live reply to the same mention (drafted at the same time). */
    private static boolean secondLiveReply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(ONE_LIVE_PER_MENTION)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException http && http.getResponse().getStatus() == 404;
    }

    private static String knownLanguage(String language) {
        return language != null && LANGUAGE.matcher(language).matches() ? language : null;
    }

    ReplyView view(Reply r) {
        return new ReplyView(r.getId(), r.getCrisisId(), new MentionRef(r.getMentionId(), r.getMentionSource(),
                r.getMentionExternalId(), r.getMentionUrl(), r.getMentionAuthor(), r.getMentionPublishedAt()),
                r.getComplaint(), r.getTemplateKey(), r.getTemplateText(), r.isExactTemplate(), r.getLanguage(),
                r.getText(), r.getChannelId(), r.getStatus(), r.getAuthor(), r.getCreatedAt(), r.getUpdatedAt(),
                r.getToneVerdict(), findings(r.getToneFindings()), r.getToneCheckedAt(), r.getToneBlockedReason(),
                channelCheck(r), r.getSentBy(), r.getSentAt(), r.getApproval(), r.getApprovedBy(), r.getApprovedAt(),
                r.getRejectedBy(), r.getRejectedAt(), r.getRejectionReason(), r.getPublishedAt(),
                r.getPublicationUrl(), r.getPublicationExternalId(), r.getPublicationError());
    }

    private ChannelCheckView channelCheck(Reply r) {
        if (r.getChannelCheckStatus() == null) {
            return null;
        }
        List<ChannelValidation.Verdict> verdicts = read(r.getChannelVerdicts(),
                new TypeReference<List<ChannelValidation.Verdict>>() { });
        return new ChannelCheckView(r.getChannelCheckStatus(), r.getChannelCheckedAt(), r.getChannelCheckReason(),
                ChannelCheck.problems(verdicts), verdicts);
    }

    private List<ToneResult.Finding> findings(String stored) {
        return read(stored, new TypeReference<List<ToneResult.Finding>>() { });
    }

    private <T> List<T> read(String stored, TypeReference<List<T>> type) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored check of a reply is unreadable", e);
        }
    }

    private String write(List<?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a check of a reply", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private record Setting(UUID watchId, PlaybookDefinition plan) {
    }

    record Suggestion(Complaint complaint, String templateKey, String templateText, String language, String text) {
    }

    private record Sending(String text, String language, UUID channelId, String platform, ReplyApproval policy) {
    }

    private record ToneOutcome(ToneResult result, String unavailable) {
    }

    /**
     * {@code verdicts} null: publishing-service could not be asked; {@code refusal}: it refused the request (an
     * unknown channel, say).
     */
    private record ChannelOutcome(ChannelCheck.Status status, List<ChannelValidation.Verdict> verdicts,
                                  String reason, String refusal) {

        Optional<ChannelValidation.Verdict> platformRefusal() {
            return verdicts == null ? Optional.empty() : verdicts.stream()
                    .filter(v -> !v.ok() && v.problem() != null
                            && PLATFORM_REFUSALS.contains(v.problem().toLowerCase(Locale.ROOT)))
                    .findFirst();
        }

        boolean fit() {
            return verdicts != null && refusal == null && ChannelCheck.approvable(status);
        }
    }

    private record Checked(Sending sending, ToneOutcome tone, ChannelOutcome channels) {

        /** Both checks answered. */
        boolean complete() {
            return tone.result() != null && channels.verdicts() != null;
        }
    }

    private record Sent(Reply reply, ReplyPolicy.Outcome outcome) {
    }
}
