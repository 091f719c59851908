package io.firebreak.playbook.playbook;

import io.firebreak.playbook.playbook.PlaybookDefinition.ScenarioType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A playbook's identity and its current version number; the content of each version is a {@link PlaybookVersion}. */
@Entity
@Table(name = "playbook")
public class Playbook {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "scenario_type", nullable = false)
    private ScenarioType scenarioType;
    @Column(name = "current_version", nullable = false)
    private int currentVersion;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Playbook() {
    }

    static Playbook created(PlaybookDefinition definition, Instant now) {
        Playbook playbook = new Playbook();
        playbook.id = UUID.randomUUID();
        playbook.currentVersion = 1;
        playbook.createdAt = now;
        playbook.describe(definition, now);
        return playbook;
    }

    /** Moves to the next version number; the caller stores the new definition under it. */
    int revise(PlaybookDefinition definition, Instant now) {
        currentVersion++;
        describe(definition, now);
        return currentVersion;
    }

    private void describe(PlaybookDefinition definition, Instant now) {
        name = definition.scenario().name().strip();
        scenarioType = definition.scenario().type();
        updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ScenarioType getScenarioType() {
        return scenarioType;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
