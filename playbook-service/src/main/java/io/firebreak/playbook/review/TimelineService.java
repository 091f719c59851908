package io.firebreak.playbook.review;

import io.firebreak.events.CrisisStatus;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.assignment.RoleAssignment;
import io.firebreak.playbook.assignment.RoleAssignmentRepository;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.crisis.CrisisRepository;
import io.firebreak.playbook.crisis.CrisisTransition;
import io.firebreak.playbook.crisis.CrisisTransitionRepository;
import io.firebreak.playbook.review.Timeline.Acknowledgement;
import io.firebreak.playbook.review.Timeline.Entry;
import io.firebreak.playbook.reply.Reply;
import io.firebreak.playbook.reply.ReplyRepository;
import io.firebreak.playbook.review.Timeline.KeyTimes;
import io.firebreak.playbook.statement.Statement;
import io.firebreak.playbook.statement.StatementRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** Builds a crisis' timeline from everything this service recorded or heard about it. */
@ApplicationScoped
public class TimelineService {

    /** The timeline, its key times and the role holders' acknowledgements, as the timeline endpoint answers. */
    public record TimelineView(UUID crisisId, String title, CrisisStatus status, boolean drill, KeyTimes keyTimes,
                               List<Acknowledgement> acknowledgements, List<Entry> entries) {
    }

    /** Everything known about one crisis, read in one session. */
    record CrisisRecord(Crisis crisis, List<CrisisTransition> moves, List<RoleAssignment> people,
                        List<Statement> said, List<CrisisDelivery> deliveries, List<Reply> answers) {
    }

    private final CrisisRepository crises;
    private final CrisisTransitionRepository transitions;
    private final RoleAssignmentRepository assignments;
    private final StatementRepository statements;
    private final CrisisDeliveryRepository deliveries;
    private final ReplyRepository replies;

    public TimelineService(CrisisRepository crises, CrisisTransitionRepository transitions,
                           RoleAssignmentRepository assignments, StatementRepository statements,
                           CrisisDeliveryRepository deliveries, ReplyRepository replies) {
        this.replies = replies;
        this.crises = crises;
        this.transitions = transitions;
        this.assignments = assignments;
        this.statements = statements;
        this.deliveries = deliveries;
    }

    @WithSession
    public Uni<TimelineView> of(UUID crisisId) {
        return load(crisisId).map(record -> new TimelineView(record.crisis().getId(), record.crisis().getTitle(),
                record.crisis().getStatus(), record.crisis().isDrill(), keyTimes(record), acknowledgements(record),
                entries(record)));
    }

    /** In the caller's session; 404 for an unknown crisis. */
    Uni<CrisisRecord> load(UUID crisisId) {
        return crises.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .chain(crisis -> transitions.ofCrisis(crisisId).chain(moves -> assignments.ofCrisis(crisisId)
                        .chain(people -> statements.ofCrisis(crisisId).chain(said -> deliveries.ofCrisis(crisisId)
                                .chain(reached -> replies.ofCrisis(crisisId).map(answers ->
                                        new CrisisRecord(crisis, moves, people, said, reached, answers)))))));
    }

    static KeyTimes keyTimes(CrisisRecord record) {
        Crisis crisis = record.crisis();
        Instant firstStatement = record.said().stream().map(Statement::getApprovedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant firstPublished = record.said().stream().map(Statement::getPublishedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return KeyTimes.of(crisis.getDetectedAt(), crisis.getCreatedAt(), crisis.getActivatedAt(), firstStatement,
                firstPublished, firstEntered(record, CrisisStatus.RESOLVED), firstEntered(record, CrisisStatus.REVIEWED));
    }

    static List<Acknowledgement> acknowledgements(CrisisRecord record) {
        return Timeline.acknowledgements(
                record.people().stream().map(a -> new Timeline.Holder(a.getSubject(), a.getUsername(), a.getRole(),
                        a.isBackup())).toList(),
                record.deliveries().stream().map(CrisisDelivery::asTimeline).toList(),
                record.crisis().getActivatedAt());
    }

    static List<Entry> entries(CrisisRecord record) {
        Crisis crisis = record.crisis();
        List<Entry> changes = record.moves().stream().map(t -> new Entry(t.getAt(), "transition", t.getActor(),
                (t.getFromStatus() == null ? "" : t.getFromStatus() + " → ") + t.getToStatus()
                        + (t.getReason() == null ? "" : ": " + t.getReason()))).toList();
        List<Entry> people = record.people().stream().map(a -> new Entry(a.getAssignedAt(), "assignment",
                a.getAssignedBy(), a.getSubject() + " assigned as " + a.getRole() + (a.isBackup() ? " (backup)" : "")))
                .toList();
        List<Entry> statementEntries = new ArrayList<>();
        for (Statement s : record.said()) {
            String what = s.getPhase() + " statement for " + s.getChannel() + " (" + s.getLanguage() + ")";
            statementEntries.add(new Entry(s.getCreatedAt(), "statement", s.getAuthor(), what + " drafted"));
            if (s.getToneCheckedAt() != null) {
                statementEntries.add(new Entry(s.getToneCheckedAt(), "tone-check", "monitoring-service",
                        what + ": tone " + s.getToneVerdict()));
            }
            if (s.getApprovedAt() != null) {
                statementEntries.add(new Entry(s.getApprovedAt(), "statement", s.getApprovedBy(),
                        what + " approved for " + s.getScheduledAt()));
            }
            if (s.getPublishedAt() != null) {
                statementEntries.add(new Entry(s.getPublishedAt(), "publication", "publishing-service",
                        what + " published" + (s.getPublicationUrl() == null ? "" : ": " + s.getPublicationUrl())));
            }
            if (s.getCancelledAt() != null) {
                statementEntries.add(new Entry(s.getCancelledAt(), "statement", s.getCancelledBy(),
                        what + " cancelled"));
            }
        }
        List<Entry> decisions = crisis.getNoApologyAt() == null ? List.of()
                : List.of(new Entry(crisis.getNoApologyAt(), "decision", crisis.getNoApologyBy(),
                "no public apology: " + crisis.getNoApologyReason()));
        return Timeline.merge(changes, people, statementEntries, decisions, notifications(record),
                replyEntries(record));
    }

    /** Each reply to a critic: drafted, sent, let out (by policy or an approver) or rejected, published or failed. */
    private static List<Entry> replyEntries(CrisisRecord record) {
        List<Entry> entries = new ArrayList<>();
        for (Reply r : record.answers()) {
            String what = "reply to " + (r.getMentionAuthor() == null ? "a critic" : r.getMentionAuthor()) + " on "
                    + r.getMentionSource() + " (" + r.getComplaint() + ", " + r.getLanguage() + ")";
            entries.add(new Entry(r.getCreatedAt(), "reply", r.getAuthor(), what + " drafted"
                    + (r.getTemplateKey() == null ? "" : " from template " + r.getTemplateKey())));
            if (r.getSentAt() != null && r.getApproval() != Reply.Approval.POLICY) {
                entries.add(new Entry(r.getSentAt(), "reply", r.getSentBy(), what + " sent for approval"));
            }
            if (r.getApprovedAt() != null) {
                entries.add(r.getApproval() == Reply.Approval.POLICY
                        ? new Entry(r.getApprovedAt(), "reply", r.getSentBy(), what
                                + " sent, approved by the playbook's policy (template after the tone check)")
                        : new Entry(r.getApprovedAt(), "reply", r.getApprovedBy(), what + " approved"));
            }
            if (r.getRejectedAt() != null) {
                entries.add(new Entry(r.getRejectedAt(), "reply", r.getRejectedBy(), what + " rejected: "
                        + r.getRejectionReason()));
            }
            if (r.getFailedAt() != null) {
                entries.add(new Entry(r.getFailedAt(), "publication", "publishing-service", what + " failed"
                        + (r.getPublicationError() == null ? "" : ": " + r.getPublicationError())));
            }
            if (r.getPublishedAt() != null) {
                entries.add(new Entry(r.getPublishedAt(), "publication", "publishing-service", what + " published"
                        + (r.getPublicationUrl() == null ? "" : ": " + r.getPublicationUrl())));
            }
        }
        return entries;
    }

    /** What notification-service reported, by name where the person is on the crisis; queued steps are noise. */
    private static List<Entry> notifications(CrisisRecord record) {
        Map<String, String> names = new HashMap<>();
        record.people().forEach(a -> names.putIfAbsent(a.getSubject(),
                a.getUsername() != null ? a.getUsername() : a.getSubject()));
        Function<String, String> name = subject -> names.getOrDefault(subject, subject);
        List<Entry> entries = new ArrayList<>();
        for (CrisisDelivery d : record.deliveries()) {
            String who = name.apply(d.getRecipient());
            switch (d.getState()) {
                case "ACKNOWLEDGED" -> entries.add(new Entry(d.getChangedAt(), "acknowledgement", who,
                        who + " acknowledged (" + d.getChannel() + ")"));
                case "SENT", "DELIVERED", "ESCALATED" -> entries.add(new Entry(d.getChangedAt(), "notification",
                        "notification-service", "notification to " + who + " " + d.getState().toLowerCase(Locale.ROOT)
                        + " by " + d.getChannel()));
                case "FAILED" -> entries.add(new Entry(d.getChangedAt(), "notification", "notification-service",
                        "notification to " + who + " failed by " + d.getChannel()
                                + (d.getError() == null ? "" : ": " + d.getError())));
                default -> {
                    // QUEUED: nobody was reached yet.
                }
            }
        }
        return entries;
    }

    private static Instant firstEntered(CrisisRecord record, CrisisStatus status) {
        return record.moves().stream().filter(t -> t.getToStatus() == status).map(CrisisTransition::getAt)
                .findFirst().orElse(null);
    }
}
