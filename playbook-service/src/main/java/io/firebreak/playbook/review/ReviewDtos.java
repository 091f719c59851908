package io.firebreak.playbook.review;

import io.firebreak.events.CrisisStatus;
import io.firebreak.playbook.playbook.PlaybookDtos.LessonView;
import io.firebreak.playbook.reply.ReplyDtos.RepliesSummary;
import io.firebreak.playbook.review.Timeline.Acknowledgement;
import io.firebreak.playbook.review.Timeline.Entry;
import io.firebreak.playbook.review.Timeline.KeyTimes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The REST shapes of the post-crisis review. */
public final class ReviewDtos {

    static final int TEXT_MAX = 2000;

    private ReviewDtos() {
    }

    /** What went wrong, and what it cost (customers misinformed, a statement two hours late...). */
    public record ErrorRequest(@NotBlank @Size(max = TEXT_MAX) String what,
                               @NotBlank @Size(max = TEXT_MAX) String impact) {
    }

    /** {@code owner}: who will do it (a username); {@code dueDate}: a calendar date, today or later. */
    public record ActionItemRequest(@NotBlank @Size(max = 300) String title,
                                    @NotBlank @Size(max = 200) String owner,
                                    @NotNull LocalDate dueDate) {
    }

    public record LessonRequest(@NotBlank @Size(max = TEXT_MAX) String text) {
    }

    public record CompleteRequest(@Size(max = TEXT_MAX) String summary) {
    }

    public record ErrorView(UUID id, String what, String impact, String recordedBy, Instant recordedAt) {

        static ErrorView of(ReviewError error) {
            return new ErrorView(error.getId(), error.getWhat(), error.getImpact(), error.getRecordedBy(),
                    error.getRecordedAt());
        }
    }

    public record ActionItemView(UUID id, String title, String owner, LocalDate dueDate, ActionItem.Status status,
                                 boolean overdue, String createdBy, Instant createdAt, String updatedBy,
                                 Instant updatedAt, String completedBy, Instant completedAt) {

        static ActionItemView of(ActionItem item, LocalDate today) {
            return new ActionItemView(item.getId(), item.getTitle(), item.getOwner(), item.getDueDate(),
                    item.getStatus(), item.getStatus() == ActionItem.Status.OPEN && item.getDueDate().isBefore(today),
                    item.getCreatedBy(), item.getCreatedAt(), item.getUpdatedBy(), item.getUpdatedAt(),
                    item.getCompletedBy(), item.getCompletedAt());
        }
    }

    /**
     * The review of a resolved crisis: its key times, how fast each role holder acknowledged, the errors made,
     * the action items, the lessons (attached to the playbook) and the whole merged timeline.
     */
    public record ReviewView(UUID crisisId, String title, CrisisStatus status, boolean drill, UUID playbookId,
                             Integer playbookVersion, String reviewedBy, Instant reviewedAt, KeyTimes keyTimes,
                             List<Acknowledgement> acknowledgements, List<ErrorView> errors,
                             List<ActionItemView> actionItems, List<LessonView> lessons, List<Entry> timeline,
                             RepliesSummary replies) {
    }
}
