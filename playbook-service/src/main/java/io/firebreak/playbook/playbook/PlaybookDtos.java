package io.firebreak.playbook.playbook;

import io.firebreak.playbook.playbook.PlaybookDefinition.ScenarioType;
import java.time.Instant;
import java.util.UUID;

/** The REST shapes of the playbook feature; a request body is a {@link PlaybookDefinition}. */
public final class PlaybookDtos {

    private PlaybookDtos() {
    }

    /** One version of a playbook, and which version is the current one. */
    public record PlaybookView(UUID id, int version, int currentVersion, String createdBy, Instant createdAt,
                               PlaybookDefinition definition) {
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
