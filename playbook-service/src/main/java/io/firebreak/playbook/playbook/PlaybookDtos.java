package io.firebreak.playbook.playbook;

import io.firebreak.playbook.playbook.PlaybookDefinition.ScenarioType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of the playbook feature; a request body is a {@link PlaybookDefinition}. */
public final class PlaybookDtos {

    private PlaybookDtos() {
    }

    /**
     * One version of a playbook, and which version is the current one; with the lessons crisis reviews left on the
     * playbook that no version has addressed yet, and those this version addressed.
     */
    public record PlaybookView(UUID id, int version, int currentVersion, String createdBy, Instant createdAt,
                               PlaybookDefinition definition, List<LessonView> openLessons,
                               List<LessonView> addressedLessons) {
    }

    /** A lesson from a crisis review; {@code addressedInVersion} is null while it is open. */
    public record LessonView(UUID id, UUID crisisId, UUID playbookId, Integer learntInVersion, String text,
                             String recordedBy, Instant recordedAt, Integer addressedInVersion, String addressedBy,
                             Instant addressedAt) {

        public static LessonView of(Lesson lesson) {
            return new LessonView(lesson.getId(), lesson.getCrisisId(), lesson.getPlaybookId(),
                    lesson.getLearntInVersion(), lesson.getText(), lesson.getRecordedBy(), lesson.getRecordedAt(),
                    lesson.getAddressedInVersion(), lesson.getAddressedBy(), lesson.getAddressedAt());
        }
    }

    public record PlaybookSummary(UUID id, String name, ScenarioType type, int currentVersion, Instant updatedAt) {

        static PlaybookSummary of(Playbook playbook) {
            return new PlaybookSummary(playbook.getId(), playbook.getName(), playbook.getScenarioType(),
                    playbook.getCurrentVersion(), playbook.getUpdatedAt());
        }
    }

    /** The playbook a crisis follows: which one, and the version in force when the crisis was proposed. */
    public record PlaybookRef(UUID id, int version) {
    }
}
