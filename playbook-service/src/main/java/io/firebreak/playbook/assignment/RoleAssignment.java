package io.firebreak.playbook.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person holding a playbook role on one crisis, as primary or backup. */
@Entity
@Table(name = "role_assignment")
public class RoleAssignment {

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Column(nullable = false)
    private String role;
    @Column(nullable = false)
    private String subject;
    private String username;
    private String email;
    @Column(nullable = false)
    private boolean backup;
    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;
    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected RoleAssignment() {
    }

    static RoleAssignment of(UUID crisisId, String role, Person person, boolean backup, String assignedBy,
                             Instant now) {
        RoleAssignment assignment = new RoleAssignment();
        assignment.id = UUID.randomUUID();
        assignment.crisisId = crisisId;
        assignment.role = role;
        assignment.subject = person.subject();
        assignment.username = person.username();
        assignment.email = person.email();
        assignment.backup = backup;
        assignment.assignedBy = assignedBy;
        assignment.assignedAt = now;
        return assignment;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public String getRole() {
        return role;
    }

    public String getSubject() {
        return subject;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public boolean isBackup() {
        return backup;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }
}
