package io.firebreak.playbook.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What someone will do so that an error of the crisis does not happen again, by when. */
@Entity
@Table(name = "action_item")
public class ActionItem {

    public enum Status { OPEN, DONE }

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false, updatable = false)
    private UUID crisisId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String owner;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "completed_by")
    private String completedBy;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Version
    private long version;

    protected ActionItem() {
    }

    static ActionItem of(UUID crisisId, String title, String owner, LocalDate dueDate, String createdBy, Instant now) {
        ActionItem item = new ActionItem();
        item.id = UUID.randomUUID();
        item.crisisId = crisisId;
        item.title = title;
        item.owner = owner;
        item.dueDate = dueDate;
        item.status = Status.OPEN;
        item.createdBy = createdBy;
        item.createdAt = now;
        item.updatedBy = createdBy;
        item.updatedAt = now;
        return item;
    }

    void change(String newTitle, String newOwner, LocalDate newDueDate, String who, Instant now) {
        title = newTitle;
        owner = newOwner;
        dueDate = newDueDate;
        updatedBy = who;
        updatedAt = now;
    }

    void complete(String who, Instant now) {
        status = Status.DONE;
        completedBy = who;
        completedAt = now;
        updatedBy = who;
        updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public String getTitle() {
        return title;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Status getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
