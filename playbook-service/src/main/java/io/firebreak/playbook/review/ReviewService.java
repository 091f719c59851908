package io.firebreak.playbook.review;

import io.firebreak.events.CrisisStatus;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.crisis.CrisisRepository;
import io.firebreak.playbook.crisis.CrisisService;
import io.firebreak.playbook.crisis.CrisisTransition;
import io.firebreak.playbook.playbook.Lesson;
import io.firebreak.playbook.playbook.LessonRepository;
import io.firebreak.playbook.playbook.PlaybookDtos.LessonView;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookRef;
import io.firebreak.playbook.review.ReviewDtos.ActionItemRequest;
import io.firebreak.playbook.review.ReviewDtos.ActionItemView;
import io.firebreak.playbook.review.ReviewDtos.ErrorRequest;
import io.firebreak.playbook.review.ReviewDtos.ErrorView;
import io.firebreak.playbook.review.ReviewDtos.ReviewView;
import io.firebreak.playbook.review.TimelineService.CrisisRecord;
import io.firebreak.playbook.reply.ReplyDtos.RepliesSummary;
import io.firebreak.playbook.reply.ReplyReview;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The post-crisis review: open once a crisis is RESOLVED (errors, action items and lessons are recorded then),
 * closed when the crisis manager completes it and the crisis becomes REVIEWED. Action items stay workable after
 * that: they are done later by their owners.
 */
@ApplicationScoped
public class ReviewService {

    private static final Set<CrisisStatus> REVIEWABLE = EnumSet.of(CrisisStatus.RESOLVED, CrisisStatus.REVIEWED);

    private final TimelineService timelines;
    private final CrisisRepository crises;
    private final CrisisService crisisService;
    private final ReviewErrorRepository errors;
    private final ActionItemRepository actionItems;
    private final LessonRepository lessons;
    private final ReplyReview replyReview;
    private final Clock clock;

    public ReviewService(TimelineService timelines, CrisisRepository crises, CrisisService crisisService,
                         ReviewErrorRepository errors, ActionItemRepository actionItems, LessonRepository lessons,
                         ReplyReview replyReview, Clock clock) {
        this.replyReview = replyReview;
        this.timelines = timelines;
        this.crises = crises;
        this.crisisService = crisisService;
        this.errors = errors;
        this.actionItems = actionItems;
        this.lessons = lessons;
        this.clock = clock;
    }

    /** Read in one session; then what answered critics posted afterwards is asked of monitoring-service. */
    public Uni<ReviewView> of(UUID crisisId) {
        return Panache.withSession(() -> timelines.load(crisisId).chain(record -> {
            requireReviewable(record.crisis());
            return errors.ofCrisis(crisisId).chain(made -> actionItems.ofCrisis(crisisId)
                    .chain(items -> lessons.ofCrisis(crisisId).map(learnt -> new Recorded(record, made, items,
                            learnt))));
        })).chain(recorded -> replyReview.summarize(recorded.record().crisis(), recorded.record().answers())
                .map(replies -> view(recorded.record(), recorded.made(), recorded.items(), recorded.learnt(),
                        replies)));
    }

    private record Recorded(CrisisRecord record, List<ReviewError> made, List<ActionItem> items,
                            List<Lesson> learnt) {
    }

    @WithTransaction
    public Uni<ErrorView> recordError(UUID crisisId, ErrorRequest request, String crisisManager) {
        return openReview(crisisId).chain(crisis -> {
            ReviewError error = ReviewError.of(crisisId, request.what().strip(), request.impact().strip(),
                    crisisManager, now());
            return errors.persist(error)
                    .invoke(() -> Log.infof("Crisis %s review: error %s recorded by %s", crisisId, error.getId(),
                            crisisManager))
                    .map(ErrorView::of);
        });
    }

    @WithTransaction
    public Uni<ActionItemView> addActionItem(UUID crisisId, ActionItemRequest request, String crisisManager) {
        return openReview(crisisId).chain(crisis -> {
            requireNotPast(request.dueDate());
            ActionItem item = ActionItem.of(crisisId, request.title().strip(), request.owner().strip(),
                    request.dueDate(), crisisManager, now());
            return actionItems.persist(item)
                    .invoke(() -> Log.infof("Crisis %s review: action item %s for %s due %s", crisisId, item.getId(),
                            item.getOwner(), item.getDueDate()))
                    .map(saved -> ActionItemView.of(item, today()));
        });
    }

    @WithTransaction
    public Uni<ActionItemView> updateActionItem(UUID crisisId, UUID itemId, ActionItemRequest request, String who) {
        return openItem(crisisId, itemId).map(item -> {
            if (!request.dueDate().equals(item.getDueDate())) {
                requireNotPast(request.dueDate());
            }
            item.change(request.title().strip(), request.owner().strip(), request.dueDate(), who, now());
            Log.infof("Crisis %s review: action item %s updated by %s", crisisId, itemId, who);
            return ActionItemView.of(item, today());
        });
    }

    @WithTransaction
    public Uni<ActionItemView> completeActionItem(UUID crisisId, UUID itemId, String who) {
        return openItem(crisisId, itemId).map(item -> {
            item.complete(who, now());
            Log.infof("Crisis %s review: action item %s completed by %s", crisisId, itemId, who);
            return ActionItemView.of(item, today());
        });
    }

    /** The lesson attaches to the playbook version the crisis followed, and shows on the playbook until addressed. */
    @WithTransaction
    public Uni<LessonView> addLesson(UUID crisisId, String text, String crisisManager) {
        return openReview(crisisId).chain(crisis -> {
            PlaybookRef playbook = crisis.getPlaybookId() == null ? null
                    : new PlaybookRef(crisis.getPlaybookId(), crisis.getPlaybookVersion());
            Lesson lesson = Lesson.learnt(crisisId, playbook, text.strip(), crisisManager, now());
            return lessons.persist(lesson)
                    .invoke(() -> Log.infof("Crisis %s review: lesson %s for playbook %s", crisisId, lesson.getId(),
                            crisis.getPlaybookId()))
                    .map(LessonView::of);
        });
    }

    /** Completing the review is the crisis' last transition, RESOLVED → REVIEWED, recorded and announced. */
    public Uni<ReviewView> complete(UUID crisisId, String summary, String crisisManager) {
        String reason = summary == null || summary.isBlank() ? "review completed" : summary.strip();
        return crisisService.transition(crisisId, CrisisStatus.REVIEWED, reason, crisisManager)
                .chain(ignored -> of(crisisId));
    }

    private ReviewView view(CrisisRecord record, List<ReviewError> made, List<ActionItem> items,
                            List<Lesson> learnt, RepliesSummary replies) {
        Crisis crisis = record.crisis();
        CrisisTransition reviewed = record.moves().stream().filter(t -> t.getToStatus() == CrisisStatus.REVIEWED)
                .findFirst().orElse(null);
        LocalDate today = today();
        return new ReviewView(crisis.getId(), crisis.getTitle(), crisis.getStatus(), crisis.isDrill(),
                crisis.getPlaybookId(), crisis.getPlaybookVersion(),
                reviewed == null ? null : reviewed.getActor(), reviewed == null ? null : reviewed.getAt(),
                TimelineService.keyTimes(record), TimelineService.acknowledgements(record),
                made.stream().map(ErrorView::of).toList(),
                items.stream().map(item -> ActionItemView.of(item, today)).toList(),
                learnt.stream().map(LessonView::of).toList(), TimelineService.entries(record), replies);
    }

    /**
     * The crisis, RESOLVED and not yet reviewed, read with a shared lock so that completing the review waits for
     * this write (and the other way round).
     */
    private Uni<Crisis> openReview(UUID crisisId) {
        return lockedCrisis(crisisId).map(crisis -> {
            requireReviewable(crisis);
            if (crisis.getStatus() == CrisisStatus.REVIEWED) {
                throw ProblemException.conflict("review-completed", "the review of crisis " + crisisId
                        + " is completed: its errors and lessons no longer change");
            }
            return crisis;
        });
    }

    private Uni<ActionItem> openItem(UUID crisisId, UUID itemId) {
        return lockedCrisis(crisisId).chain(crisis -> {
            requireReviewable(crisis);
            return actionItems.findById(itemId);
        }).map(item -> {
            if (item == null || !item.getCrisisId().equals(crisisId)) {
                throw ProblemException.notFound("action item", itemId);
            }
            if (item.getStatus() == ActionItem.Status.DONE) {
                throw ProblemException.conflict("action-item-done", "action item " + itemId + " was completed by "
                        + item.getCompletedBy() + " at " + item.getCompletedAt());
            }
            return item;
        });
    }

    private Uni<Crisis> lockedCrisis(UUID crisisId) {
        return crises.findById(crisisId, LockModeType.PESSIMISTIC_READ)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId));
    }

    private static void requireReviewable(Crisis crisis) {
        if (!REVIEWABLE.contains(crisis.getStatus())) {
            throw ProblemException.conflict("crisis-not-resolved", "crisis " + crisis.getId() + " is "
                    + crisis.getStatus() + ": it is reviewed once RESOLVED");
        }
    }

    private void requireNotPast(LocalDate dueDate) {
        if (dueDate.isBefore(today())) {
            throw ProblemException.invalid("validation", "dueDate " + dueDate + " is in the past",
                    List.of(new Problem.FieldError("dueDate", "must be today or later")));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
