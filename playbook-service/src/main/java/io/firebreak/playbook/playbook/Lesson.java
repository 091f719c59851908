package io.firebreak.playbook.playbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What a crisis review learnt, attached to the playbook the crisis followed (none when it followed none). It stays
 * open, and shows on the playbook, until an admin saves a version that addresses it.
 */
@Entity
@Table(name = "lesson")
public class Lesson {

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false, updatable = false)
    private UUID crisisId;
    @Column(name = "playbook_id", updatable = false)
    private UUID playbookId;
    @Column(name = "learnt_in_version", updatable = false)
    private Integer learntInVersion;
    @Column(nullable = false, updatable = false)
    private String text;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;
    @Column(name = "addressed_in_version")
    private Integer addressedInVersion;
    @Column(name = "addressed_by")
    private String addressedBy;
    @Column(name = "addressed_at")
    private Instant addressedAt;

    protected Lesson() {
    }

    public static Lesson learnt(UUID crisisId, PlaybookDtos.PlaybookRef playbook, String text, String recordedBy,
                                Instant now) {
        Lesson lesson = new Lesson();
        lesson.id = UUID.randomUUID();
        lesson.crisisId = crisisId;
        if (playbook != null) {
            lesson.playbookId = playbook.id();
            lesson.learntInVersion = playbook.version();
        }
        lesson.text = text;
        lesson.recordedBy = recordedBy;
        lesson.recordedAt = now;
        return lesson;
    }

    void addressedIn(int version, String admin, Instant now) {
        addressedInVersion = version;
        addressedBy = admin;
        addressedAt = now;
    }

    public boolean isOpen() {
        return addressedInVersion == null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public UUID getPlaybookId() {
        return playbookId;
    }

    public Integer getLearntInVersion() {
        return learntInVersion;
    }

    public String getText() {
        return text;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Integer getAddressedInVersion() {
        return addressedInVersion;
    }

    public String getAddressedBy() {
        return addressedBy;
    }

    public Instant getAddressedAt() {
        return addressedAt;
    }
}
