package io.firebreak.playbook.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PublicationChanged;
import io.firebreak.events.StatementChanged;
import io.firebreak.events.Topics;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.outbox.OutboxRelay;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.client.ChannelValidation;
import io.firebreak.playbook.client.ChannelValidationRequest;
import io.firebreak.playbook.client.MonitoringClient;
import io.firebreak.playbook.client.PublishingClient;
import io.firebreak.playbook.client.ToneRequest;
import io.firebreak.playbook.client.ToneResult;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.crisis.CrisisRepository;
import io.firebreak.playbook.playbook.PlaybookDefinition;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookRef;
import io.firebreak.playbook.playbook.PlaybookService;
import io.firebreak.playbook.playbook.TemplateText;
import io.firebreak.playbook.statement.StatementDtos.ApproveRequest;
import io.firebreak.playbook.statement.StatementDtos.ChannelCheckView;
import io.firebreak.playbook.statement.StatementDtos.DraftRequest;
import io.firebreak.playbook.statement.StatementDtos.StatementView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
public class StatementService {

    private static final String PUBLICATION_CONSUMER = "statement-publications";

    private final StatementRepository statements;
    private final ProcessedEvents processedEvents;
    private final CrisisRepository crises;
    private final PlaybookService playbooks;
    private final MonitoringClient monitoring;
    private final PublishingClient publishing;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock;

    public StatementService(StatementRepository statements, ProcessedEvents processedEvents, CrisisRepository crises,
                            PlaybookService playbooks, @RestClient MonitoringClient monitoring,
                            @RestClient PublishingClient publishing, Outbox outbox, OutboxRelay relay,
                            ObjectMapper json, Clock clock) {
        this.relay = relay;
        this.publishing = publishing;
        this.statements = statements;
        this.processedEvents = processedEvents;
        this.crises = crises;
        this.playbooks = playbooks;
        this.monitoring = monitoring;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A draft from the text given, or rendered from the crisis playbook's template with the values given; then
     * checked against its target channels' rules (after the draft is saved: a publishing-service outage never loses
     * the draft, it leaves the check pending).
     */
    public Uni<StatementView> draft(UUID crisisId, DraftRequest request, String communicator) {
        return Panache.withTransaction(() -> crises.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .chain(crisis -> {
                    if (crisis.getStatus() == CrisisStatus.DISMISSED || crisis.getStatus() == CrisisStatus.REVIEWED) {
                        return Uni.createFrom().failure(ProblemException.conflict("crisis-closed",
                                "crisis " + crisisId + " is " + crisis.getStatus() + ": no more statements"));
                    }
                    return text(crisis, request);
                })
                .chain(text -> {
                    List<UUID> targets = request.channelIds() != null && !request.channelIds().isEmpty()
                            ? request.channelIds().stream().distinct().toList()
                            : channelIdOf(request.channel().strip());
                    Statement statement = Statement.draft(crisisId, request.phase(), request.channel().strip(),
                            request.language(), text, csv(targets), communicator, now());
                    return statements.persist(statement)
                            .invoke(() -> Log.infof("Statement %s drafted for crisis %s by %s", statement.getId(),
                                    crisisId, communicator));
                }))
                .chain(statement -> checkChannels(statement.getId()));
    }

    /** New wording, checked again against the target channels' rules. */
    public Uni<StatementView> edit(UUID id, String text, String communicator) {
        return Panache.withTransaction(() -> existing(id).map(statement -> {
            requireDraft(statement);
            statement.edit(text, now());
            Log.infof("Statement %s edited by %s", id, communicator);
            return statement;
        })).chain(statement -> checkChannels(id));
    }

    /**
     * Checks the draft's text against its target channels' rules and records the outcome: what each channel says,
     * or that publishing-service could not be asked. A statement with no target channel yet has nothing to check.
     */
    public Uni<StatementView> checkChannels(UUID id) {
        return Panache.withSession(() -> existing(id)).chain(statement -> {
            requireDraft(statement);
            List<UUID> targets = channelIds(statement);
            if (targets.isEmpty()) {
                return Uni.createFrom().item(view(statement));
            }
            String checkedText = statement.getText();
            return channels(checkedText, targets).chain(outcome -> Panache.withTransaction(() -> existing(id)
                    .map(current -> {
                        // Edited meanwhile: that edit runs its own check; this answer is about other words.
                        if (current.getStatus() == Statement.Status.DRAFT && current.getText().equals(checkedText)) {
                            record(current, targets, outcome);
                        }
                        return view(current);
                    })));
        });
    }

    @WithSession
    public Uni<StatementView> get(UUID id) {
        return existing(id).map(this::view);
    }

    @WithSession
    public Uni<List<StatementView>> ofCrisis(UUID crisisId) {
        return crises.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .chain(crisis -> statements.ofCrisis(crisisId))
                .map(list -> list.stream().map(this::view).toList());
    }

    /** Runs the tone check now and records its outcome, so the author sees it before asking for approval. */
    public Uni<StatementView> checkTone(UUID id) {
        return Panache.withSession(() -> existing(id)).chain(statement -> {
            requireDraft(statement);
            return tone(statement.getText(), statement.getLanguage());
        }).chain(outcome -> Panache.withTransaction(() -> existing(id).map(statement -> {
            record(statement, outcome);
            return view(statement);
        })));
    }

    /**
     * Approves and schedules a statement: never by its author, never without a passing tone check, never while a
     * target channel refuses its text. When a check cannot run, the statement records why and approval waits
     * (503); no check is ever skipped.
     */
    public Uni<StatementView> approve(UUID id, ApproveRequest request, String approver) {
        ApproveRequest asked = request != null ? request : new ApproveRequest(null, null, null);
        return Panache.withSession(() -> existing(id)).chain(statement -> {
            requireDraft(statement);
            if (statement.getAuthor().equals(approver)) {
                throw ProblemException.forbidden("four-eyes",
                        "statement " + id + " was written by " + approver + ": someone else must approve it");
            }
            List<UUID> targets = targets(statement, asked);
            return tone(statement.getText(), statement.getLanguage())
                    .chain(tone -> channels(statement.getText(), targets)
                            .map(channels -> new Checked(statement.getText(), targets, tone, channels)));
        }).chain(checked -> Panache.withTransaction(() -> existing(id).chain(statement -> {
            requireDraft(statement);
            if (!statement.getText().equals(checked.text())) {
                return Uni.createFrom().failure(ProblemException.conflict("statement-changed",
                        "statement " + id + " was edited during approval: approve it again"));
            }
            record(statement, checked.tone());
            record(statement, checked.targets(), checked.channels());
            if (!checked.passed()) {
                // Commit the recorded outcomes, then answer why approval waits or is refused.
                return Uni.createFrom().item(view(statement));
            }
            return schedule(statement, asked, checked.targets(), approver).map(ignored -> view(statement));
        })).map(view -> {
            if (checked.tone().result() == null) {
                throw new ProblemException(503, "tone-check-unavailable", "Tone check unavailable",
                        "approval waits: " + checked.tone().unavailable());
            }
            if (checked.channels().verdicts() == null) {
                throw new ProblemException(503, "channel-check-unavailable", "Channel check unavailable",
                        "approval waits: " + checked.channels().reason());
            }
            if (!ToneGate.approvable(checked.tone().result().verdict())) {
                throw refused(view);
            }
            if (!ChannelCheck.approvable(checked.channels().status())) {
                throw channelsRefused(view);
            }
            sendSoon();
            return view;
        }));
    }

    /** Cancels a statement before publication; an approved one is withdrawn from publishing-service. */
    @WithTransaction
    public Uni<StatementView> cancel(UUID id, String communicator) {
        return existing(id).chain(statement -> {
            Statement.Status before = statement.getStatus();
            if (before != Statement.Status.DRAFT && before != Statement.Status.APPROVED) {
                return Uni.createFrom().failure(ProblemException.conflict("statement-final",
                        "statement " + id + " is " + before + " and can no longer be cancelled"));
            }
            statement.cancel(communicator, now());
            Log.infof("Statement %s cancelled by %s", id, communicator);
            if (before == Statement.Status.DRAFT) {
                return Uni.createFrom().item(view(statement));
            }
            return crises.findById(statement.getCrisisId())
                    .chain(crisis -> outbox.publish(Topics.STATEMENTS, EventTypes.STATEMENT_WITHDRAWN,
                            statement.getCrisisId().toString(), event(statement, crisis)))
                    .map(ignored -> view(statement));
        });
    }

    /**
     * publishing-service's report on a statement: published (first channel out marks it PUBLISHED) or failed
     * (the error shows on the statement). Each event applies once; reports on other posts are ignored.
     */
    @WithTransaction
    public Uni<Void> applyPublication(CloudEvent<PublicationChanged> event) {
        PublicationChanged publication = event.data();
        if (publication.statementId() == null) {
            return Uni.createFrom().voidItem();
        }
        return processedEvents.firstDelivery(PUBLICATION_CONSUMER, event.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : statements.findById(publication.statementId()).invoke(statement -> {
                    if (statement == null || statement.getStatus() != Statement.Status.APPROVED) {
                        return;
                    }
                    if ("PUBLISHED".equalsIgnoreCase(publication.state())) {
                        statement.published(publication.url(), publication.changedAt());
                        Log.infof("Statement %s published: %s", statement.getId(), publication.url());
                    } else if ("FAILED".equalsIgnoreCase(publication.state())) {
                        statement.publicationFailed(publication.error(), publication.changedAt());
                        Log.infof("Statement %s failed to publish: %s", statement.getId(), publication.error());
                    }
                }).replaceWithVoid());
    }

    /**
     * An approved statement is on its way to publishing-service in the committed outbox; relay it now rather than at
     * the relay's next tick (best effort: the scheduled relay sends anything the nudge misses).
     */
    private void sendSoon() {
        relay.relaySoon();
    }

    private Uni<Void> schedule(Statement statement, ApproveRequest asked, List<UUID> channelIds, String approver) {
        Instant now = now();
        Schedule.Result when = Schedule.resolve(asked.scheduledAt(), asked.zone(), now);
        if (when.problem().isPresent()) {
            Schedule.Violation violation = when.problem().get();
            return Uni.createFrom().failure(ProblemException.invalid("validation",
                    violation.field() + " " + violation.message(),
                    List.of(new Problem.FieldError(violation.field(), violation.message()))));
        }
        statement.approve(approver, when.at(), asked.zone(), channelIds.stream().map(UUID::toString)
                .collect(Collectors.joining(",")), now);
        return crises.findById(statement.getCrisisId())
                .chain(crisis -> outbox.publish(Topics.STATEMENTS, EventTypes.STATEMENT_APPROVED,
                        statement.getCrisisId().toString(), event(statement, crisis)))
                .invoke(() -> Log.infof("Statement %s approved by %s for %s", statement.getId(), approver,
                        statement.getScheduledAt()))
                .replaceWithVoid();
    }

    private StatementChanged event(Statement statement, Crisis crisis) {
        return new StatementChanged(statement.getId(), statement.getCrisisId(), statement.getPhase().name(),
                statement.getLanguage(), statement.getText(), channelIds(statement), statement.getScheduledAt(),
                false, crisis.isDrill(), statement.getApprovedBy(), statement.getUpdatedAt());
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

    /** The channels an approval sends to: those it names, else those the draft was written for. */
    private static List<UUID> targets(Statement statement, ApproveRequest asked) {
        List<UUID> targets = asked.channelIds() != null && !asked.channelIds().isEmpty()
                ? asked.channelIds().stream().distinct().toList() : channelIds(statement);
        if (targets.isEmpty()) {
            throw ProblemException.invalid("validation",
                    "channelIds: statement channel " + statement.getChannel() + " is not a publishing channel id",
                    List.of(new Problem.FieldError("channelIds", "name the publishing channels to send it to")));
        }
        return targets;
    }

    /**
     * publishing-service's verdicts, or why there are none. Unreachable or failing: an outcome, not an error (the
     * check is pending). A 4xx answer (an unknown channel, say) is a refusal the author must fix.
     */
    private Uni<ChannelOutcome> channels(String text, List<UUID> channelIds) {
        return publishing.validate(new ChannelValidationRequest(text, channelIds, false))
                .map(validation -> new ChannelOutcome(ChannelCheck.statusOf(validation), validation.channels(),
                        validation.ok() ? null : "a target channel refuses the text"))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof WebApplicationException refusal
                            && refusal.getResponse().getStatus() >= 400 && refusal.getResponse().getStatus() < 500
                            && refusal.getResponse().getStatus() != 401 && refusal.getResponse().getStatus() != 403) {
                        return new ChannelOutcome(ChannelCheck.Status.FAILED, List.of(),
                                "publishing-service refused the check: " + problemDetail(refusal));
                    }
                    Log.warnf("Channel check failed: %s", failure.toString());
                    return new ChannelOutcome(ChannelCheck.Status.UNAVAILABLE, null,
                            "publishing-service channel check unreachable or failing ("
                                    + failure.getClass().getSimpleName() + "); the check is pending, approval waits");
                });
    }

    private String problemDetail(WebApplicationException refusal) {
        try {
            String body = refusal.getResponse().readEntity(String.class);
            JsonNode problem = json.readTree(body);
            return problem.path("detail").asText("HTTP " + refusal.getResponse().getStatus());
        } catch (RuntimeException | JsonProcessingException unreadable) {
            return "HTTP " + refusal.getResponse().getStatus();
        }
    }

    private void record(Statement statement, List<UUID> targets, ChannelOutcome outcome) {
        if (outcome.verdicts() == null) {
            statement.channelsUnavailable(csv(targets), outcome.reason(), now());
        } else {
            statement.channelsChecked(csv(targets), outcome.status(), write(outcome.verdicts()), outcome.reason(),
                    now());
        }
    }

    private static String csv(List<UUID> ids) {
        return ids.isEmpty() ? null : ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private void record(Statement statement, ToneOutcome outcome) {
        if (outcome.result() == null) {
            statement.toneUnavailable(outcome.unavailable(), now());
        } else {
            statement.toneChecked(outcome.result().verdict(), write(outcome.result().findings()), now());
        }
    }

    private Uni<String> text(Crisis crisis, DraftRequest request) {
        if (request.text() != null && !request.text().isBlank()) {
            return Uni.createFrom().item(request.text());
        }
        if (crisis.getPlaybookId() == null) {
            return Uni.createFrom().failure(ProblemException.invalid("validation",
                    "text: crisis " + crisis.getId() + " follows no playbook, so there is no template to start from",
                    List.of(new Problem.FieldError("text", "must not be blank without a playbook template"))));
        }
        return playbooks.definition(new PlaybookRef(crisis.getPlaybookId(), crisis.getPlaybookVersion()))
                .chain(plan -> {
                    PlaybookDefinition.Template template = plan.templates().stream()
                            .filter(t -> t.phase() == request.phase() && t.channel().equals(request.channel().strip())
                                    && t.language().equals(request.language()))
                            .findFirst().orElse(null);
                    if (template == null) {
                        return Uni.createFrom().failure(ProblemException.invalid("no-template",
                                "the playbook has no " + request.phase() + " template for channel "
                                        + request.channel() + " in " + request.language(),
                                List.of(new Problem.FieldError("phase", "no template for this phase, channel and "
                                        + "language"))));
                    }
                    Map<String, String> values = new HashMap<>();
                    values.put(TemplateText.INCIDENT_SUMMARY, crisis.getTitle());
                    if (request.values() != null) {
                        values.putAll(request.values());
                    }
                    return Uni.createFrom().item(TemplateText.render(template.text(), values));
                });
    }

    private Uni<Statement> existing(UUID id) {
        return statements.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("statement", id));
    }

    private static void requireDraft(Statement statement) {
        if (statement.getStatus() != Statement.Status.DRAFT) {
            throw ProblemException.conflict("statement-not-draft",
                    "statement " + statement.getId() + " is " + statement.getStatus() + ", not a draft");
        }
    }

    private static ProblemException channelsRefused(StatementView view) {
        List<Problem.FieldError> errors = view.channelCheck().problems().stream()
                .map(problem -> new Problem.FieldError("text", problem)).toList();
        String reasons = view.channelCheck().problems().isEmpty() ? view.channelCheck().reason()
                : String.join("; ", view.channelCheck().problems());
        return new ProblemException(409, "channel-rules-failed", "A target channel refuses the statement",
                "the channel check failed: " + reasons, errors);
    }

    private ProblemException refused(StatementView view) {
        List<Problem.FieldError> errors = view.toneFindings().stream()
                .map(f -> new Problem.FieldError("text", f.category() + " at " + f.start() + "-" + f.end() + ": "
                        + f.reason()))
                .toList();
        String reasons = errors.stream().map(Problem.FieldError::message).collect(Collectors.joining("; "));
        return new ProblemException(409, "tone-refused", "Tone check refused the statement",
                "the tone check answered " + view.toneVerdict() + (reasons.isEmpty() ? "" : ": " + reasons), errors);
    }

    StatementView view(Statement s) {
        return new StatementView(s.getId(), s.getCrisisId(), s.getPhase(), s.getChannel(), s.getLanguage(),
                s.getText(), s.getStatus(), s.getAuthor(), s.getCreatedAt(), s.getUpdatedAt(), s.getToneVerdict(),
                findings(s.getToneFindings()), s.getToneCheckedAt(), s.getToneBlockedReason(), s.getApprovedBy(),
                s.getApprovedAt(), s.getScheduledAt(), s.getScheduleZone(), channelIds(s), s.getCancelledBy(),
                s.getCancelledAt(), s.getPublishedAt(), s.getPublicationUrl(), s.getPublicationError(),
                channelCheck(s));
    }

    private ChannelCheckView channelCheck(Statement s) {
        if (s.getChannelCheckStatus() == null) {
            return null;
        }
        List<ChannelValidation.Verdict> verdicts = verdicts(s.getChannelVerdicts());
        return new ChannelCheckView(s.getChannelCheckStatus(), s.getChannelCheckedAt(), s.getChannelCheckReason(),
                ChannelCheck.problems(verdicts), verdicts);
    }

    private static List<UUID> channelIds(Statement statement) {
        if (statement.getChannelIds() == null || statement.getChannelIds().isEmpty()) {
            return List.of();
        }
        return Arrays.stream(statement.getChannelIds().split(",")).map(UUID::fromString).toList();
    }

    private static List<UUID> channelIdOf(String channel) {
        try {
            return List.of(UUID.fromString(channel));
        } catch (IllegalArgumentException notAnId) {
            return List.of();
        }
    }

    private List<ChannelValidation.Verdict> verdicts(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<ChannelValidation.Verdict>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored channel verdicts are unreadable", e);
        }
    }

    private String write(List<?> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise tone findings", e);
        }
    }

    private List<ToneResult.Finding> findings(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<ToneResult.Finding>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tone findings are unreadable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private record ToneOutcome(ToneResult result, String unavailable) {
    }

    private record ChannelOutcome(ChannelCheck.Status status, List<ChannelValidation.Verdict> verdicts,
                                  String reason) {
    }

    private record Checked(String text, List<UUID> targets, ToneOutcome tone, ChannelOutcome channels) {

        boolean passed() {
            return tone.result() != null && ToneGate.approvable(tone.result().verdict())
                    && channels.verdicts() != null && ChannelCheck.approvable(channels.status());
        }
    }
}
