package io.firebreak.playbook.review;

import io.firebreak.events.CrisisStatus;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.assignment.RoleAssignmentRepository;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.crisis.CrisisRepository;
import io.firebreak.playbook.crisis.CrisisTransition;
import io.firebreak.playbook.crisis.CrisisTransitionRepository;
import io.firebreak.playbook.review.Timeline.Entry;
import io.firebreak.playbook.review.Timeline.KeyTimes;
import io.firebreak.playbook.statement.Statement;
import io.firebreak.playbook.statement.StatementRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Builds a crisis' timeline from everything this service recorded about it. */
@ApplicationScoped
public class TimelineService {

    /** The timeline and its key times, as {@code GET /api/crises/{id}/timeline} answers. */
    public record TimelineView(UUID crisisId, String title, CrisisStatus status, boolean drill, KeyTimes keyTimes,
                               List<Entry> entries) {
    }

    private final CrisisRepository crises;
    private final CrisisTransitionRepository transitions;
    private final RoleAssignmentRepository assignments;
    private final StatementRepository statements;

    public TimelineService(CrisisRepository crises, CrisisTransitionRepository transitions,
                           RoleAssignmentRepository assignments, StatementRepository statements) {
        this.crises = crises;
        this.transitions = transitions;
        this.assignments = assignments;
        this.statements = statements;
    }

    @WithSession
    public Uni<TimelineView> of(UUID crisisId) {
        return crises.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .chain(crisis -> transitions.ofCrisis(crisisId).chain(moves -> assignments.ofCrisis(crisisId)
                        .chain(people -> statements.ofCrisis(crisisId).map(said -> view(crisis, moves,
                                people.stream().map(a -> new Entry(a.getAssignedAt(), "assignment", a.getAssignedBy(),
                                        a.getSubject() + " assigned as " + a.getRole()
                                                + (a.isBackup() ? " (backup)" : ""))).toList(),
                                said)))));
    }

    private static TimelineView view(Crisis crisis, List<CrisisTransition> moves, List<Entry> people,
                                     List<Statement> said) {
        List<Entry> changes = moves.stream().map(t -> new Entry(t.getAt(), "transition", t.getActor(),
                (t.getFromStatus() == null ? "" : t.getFromStatus() + " → ") + t.getToStatus()
                        + (t.getReason() == null ? "" : ": " + t.getReason()))).toList();
        List<Entry> statementEntries = new ArrayList<>();
        for (Statement s : said) {
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
            if (s.getCancelledAt() != null) {
                statementEntries.add(new Entry(s.getCancelledAt(), "statement", s.getCancelledBy(),
                        what + " cancelled"));
            }
        }
        List<Entry> decisions = crisis.getNoApologyAt() == null ? List.of()
                : List.of(new Entry(crisis.getNoApologyAt(), "decision", crisis.getNoApologyBy(),
                "no public apology: " + crisis.getNoApologyReason()));

        Instant resolved = moves.stream().filter(t -> t.getToStatus() == CrisisStatus.RESOLVED)
                .map(CrisisTransition::getAt).findFirst().orElse(null);
        Instant firstStatement = said.stream().map(Statement::getApprovedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        KeyTimes keyTimes = KeyTimes.of(crisis.getCreatedAt(), crisis.getActivatedAt(), firstStatement, resolved);
        return new TimelineView(crisis.getId(), crisis.getTitle(), crisis.getStatus(), crisis.isDrill(), keyTimes,
                Timeline.merge(changes, people, statementEntries, decisions));
    }
}
