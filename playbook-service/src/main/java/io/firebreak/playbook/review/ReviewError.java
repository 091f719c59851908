package io.firebreak.playbook.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something that went wrong during a crisis, and what it cost, as the crisis manager records it in the review. */
@Entity
@Table(name = "review_error")
public class ReviewError {

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false, updatable = false)
    private UUID crisisId;
    @Column(nullable = false, updatable = false)
    private String what;
    @Column(nullable = false, updatable = false)
    private String impact;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected ReviewError() {
    }

    static ReviewError of(UUID crisisId, String what, String impact, String recordedBy, Instant now) {
        ReviewError error = new ReviewError();
        error.id = UUID.randomUUID();
        error.crisisId = crisisId;
        error.what = what;
        error.impact = impact;
        error.recordedBy = recordedBy;
        error.recordedAt = now;
        return error;
    }

    public UUID getId() {
        return id;
    }

    public String getWhat() {
        return what;
    }

    public String getImpact() {
        return impact;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
