package io.firebreak.playbook.playbook;

import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Index of the current version's triggers, so that a signal finds its playbook with one query. */
@Entity
@Table(name = "playbook_trigger")
public class PlaybookTrigger {

    @Id
    private UUID id;
    @Column(name = "playbook_id", nullable = false)
    private UUID playbookId;
    @Column(name = "watch_id", nullable = false)
    private UUID watchId;
    @Enumerated(EnumType.STRING)
    @Column(name = "min_severity", nullable = false)
    private Severity minSeverity;
    @Column(name = "severity_rank", nullable = false)
    private int severityRank;

    protected PlaybookTrigger() {
    }

    static PlaybookTrigger of(UUID playbookId, PlaybookDefinition.Trigger trigger) {
        PlaybookTrigger row = new PlaybookTrigger();
        row.id = UUID.randomUUID();
        row.playbookId = playbookId;
        row.watchId = trigger.watchId();
        row.minSeverity = trigger.minSeverity();
        row.severityRank = trigger.minSeverity().ordinal();
        return row;
    }

    public UUID getPlaybookId() {
        return playbookId;
    }
}
