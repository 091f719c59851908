package io.firebreak.playbook.assignment;

import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of role assignments, checklists and briefings. */
public final class AssignmentDtos {

    private AssignmentDtos() {
    }

    /** Puts a person on a playbook role, for one crisis or (standing holder) for every crisis of a playbook. */
    public record AssignRequest(@NotBlank @Size(max = 200) String role, @NotNull @Valid Person person,
                                boolean backup) {
    }

    public record TaskStatusRequest(@NotNull AssignmentTask.Status status) {
    }

    public record TaskView(UUID id, String title, int dueOffsetMinutes, Instant dueAt, AssignmentTask.Status status,
                           boolean overdue, String doneBy, Instant doneAt) {

        static TaskView of(AssignmentTask task, Instant activatedAt, Instant now) {
            return new TaskView(task.getId(), task.getTitle(), task.getDueOffsetMinutes(), task.dueAt(activatedAt),
                    task.getStatus(), task.isOverdue(activatedAt, now), task.getDoneBy(), task.getDoneAt());
        }
    }

    public record AssignmentView(UUID id, UUID crisisId, String role, String subject, String username, String email,
                                 boolean backup, String assignedBy, Instant assignedAt, List<TaskView> tasks) {

        static AssignmentView of(RoleAssignment assignment, List<TaskView> tasks) {
            return new AssignmentView(assignment.getId(), assignment.getCrisisId(), assignment.getRole(),
                    assignment.getSubject(), assignment.getUsername(), assignment.getEmail(), assignment.isBackup(),
                    assignment.getAssignedBy(), assignment.getAssignedAt(), tasks);
        }
    }

    /** One of my assignments, with enough of the crisis to know what it is about. */
    public record MyAssignmentView(UUID id, UUID crisisId, String crisisTitle, CrisisStatus crisisStatus,
                                   boolean drill, String role, boolean backup, Instant assignedAt,
                                   List<TaskView> tasks) {
    }

    /** A checklist task not done by its due time: shown on the crisis. */
    public record OverdueTask(UUID taskId, UUID assignmentId, String role, String subject, String username,
                              String title, Instant dueAt) {
    }

    public record TeamMember(String role, boolean backup, String username, String email) {
    }

    public record BriefingRole(String role, boolean backup, List<String> responsibilities, List<TaskView> tasks) {
    }

    /** What an employee needs to act on a crisis: the plan, their part in it, and who else is on it. */
    public record Briefing(UUID crisisId, String title, CrisisStatus status, Severity severity, boolean drill,
                           Instant activatedAt, String scenario, String description, String strategy,
                           List<BriefingRole> roles, List<TeamMember> team) {
    }

    public record HolderView(UUID id, UUID playbookId, String role, String subject, String username, String email,
                             boolean backup) {

        static HolderView of(StandingHolder holder) {
            return new HolderView(holder.getId(), holder.getPlaybookId(), holder.getRole(), holder.getSubject(),
                    holder.getUsername(), holder.getEmail(), holder.isBackup());
        }
    }
}
