package io.firebreak.playbook.playbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One saved version of a playbook, as a JSON document; written once, never updated. */
@Entity
@Table(name = "playbook_version")
public class PlaybookVersion {

    @Id
    private UUID id;
    @Column(name = "playbook_id", nullable = false, updatable = false)
    private UUID playbookId;
    @Column(nullable = false, updatable = false)
    private int number;
    @Column(nullable = false, updatable = false)
    private String definition;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PlaybookVersion() {
    }

    static PlaybookVersion of(Playbook playbook, String definitionJson, String author, Instant now) {
        PlaybookVersion version = new PlaybookVersion();
        version.id = UUID.randomUUID();
        version.playbookId = playbook.getId();
        version.number = playbook.getCurrentVersion();
        version.definition = definitionJson;
        version.createdBy = author;
        version.createdAt = now;
        return version;
    }

    public UUID getPlaybookId() {
        return playbookId;
    }

    public int getNumber() {
        return number;
    }

    public String getDefinition() {
        return definition;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
