package io.firebreak.playbook.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One checklist task of an assignment, due a fixed time after the crisis was activated. */
@Entity
@Table(name = "assignment_task")
public class AssignmentTask {

    public enum Status { OPEN, DONE }

    @Id
    private UUID id;
    @Column(name = "assignment_id", nullable = false)
    private UUID assignmentId;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String title;
    @Column(name = "due_offset_minutes", nullable = false)
    private int dueOffsetMinutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "done_by")
    private String doneBy;
    @Column(name = "done_at")
    private Instant doneAt;

    protected AssignmentTask() {
    }

    static AssignmentTask of(RoleAssignment assignment, int position, String title, int dueOffsetMinutes) {
        AssignmentTask task = new AssignmentTask();
        task.id = UUID.randomUUID();
        task.assignmentId = assignment.getId();
        task.crisisId = assignment.getCrisisId();
        task.position = position;
        task.title = title;
        task.dueOffsetMinutes = dueOffsetMinutes;
        task.status = Status.OPEN;
        return task;
    }

    void mark(Status to, String who, Instant now) {
        status = to;
        doneBy = to == Status.DONE ? who : null;
        doneAt = to == Status.DONE ? now : null;
    }

    /** When the task falls due; unknown until the crisis is activated. */
    public Instant dueAt(Instant activatedAt) {
        return activatedAt == null ? null : activatedAt.plus(Duration.ofMinutes(dueOffsetMinutes));
    }

    public boolean isOverdue(Instant activatedAt, Instant now) {
        Instant due = dueAt(activatedAt);
        return status == Status.OPEN && due != null && due.isBefore(now);
    }

    public UUID getId() {
        return id;
    }

    public UUID getAssignmentId() {
        return assignmentId;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public int getDueOffsetMinutes() {
        return dueOffsetMinutes;
    }

    public Status getStatus() {
        return status;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public Instant getDoneAt() {
        return doneAt;
    }
}
