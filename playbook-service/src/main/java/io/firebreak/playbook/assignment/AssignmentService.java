package io.firebreak.playbook.assignment;

import io.firebreak.events.Assignment;
import io.firebreak.events.CrisisStatus;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.assignment.AssignmentDtos.AssignRequest;
import io.firebreak.playbook.assignment.AssignmentDtos.AssignmentView;
import io.firebreak.playbook.assignment.AssignmentDtos.Briefing;
import io.firebreak.playbook.assignment.AssignmentDtos.BriefingRole;
import io.firebreak.playbook.assignment.AssignmentDtos.HolderView;
import io.firebreak.playbook.assignment.AssignmentDtos.MyAssignmentView;
import io.firebreak.playbook.assignment.AssignmentDtos.OverdueTask;
import io.firebreak.playbook.assignment.AssignmentDtos.TaskView;
import io.firebreak.playbook.assignment.AssignmentDtos.TeamMember;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.crisis.CrisisEvents;
import io.firebreak.playbook.crisis.CrisisRepository;
import io.firebreak.playbook.playbook.PlaybookDefinition;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookRef;
import io.firebreak.playbook.playbook.PlaybookService;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class AssignmentService {

    private final RoleAssignmentRepository assignments;
    private final AssignmentTaskRepository tasks;
    private final StandingHolderRepository holders;
    private final CrisisRepository crises;
    private final CrisisEvents events;
    private final PlaybookService playbooks;
    private final Clock clock;

    public AssignmentService(RoleAssignmentRepository assignments, AssignmentTaskRepository tasks,
                             StandingHolderRepository holders, CrisisRepository crises, CrisisEvents events,
                             PlaybookService playbooks, Clock clock) {
        this.assignments = assignments;
        this.tasks = tasks;
        this.holders = holders;
        this.crises = crises;
        this.events = events;
        this.playbooks = playbooks;
        this.clock = clock;
    }

    /** Puts a person on one of the crisis' playbook roles, with that role's checklist, and tells the others. */
    @WithTransaction
    public Uni<AssignmentView> assign(UUID crisisId, AssignRequest request, String crisisManager) {
        return openCrisis(crisisId).chain(crisis -> roleOf(crisis, request.role()).chain(role ->
                assignments.exists(crisisId, role.name(), request.person().subject()).chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().failure(ProblemException.conflict("already-assigned",
                                request.person().subject() + " already holds " + role.name() + " on crisis "
                                        + crisisId));
                    }
                    return assignments.ofCrisis(crisisId).chain(before -> {
                        RoleAssignment assignment = RoleAssignment.of(crisisId, role.name(), request.person(),
                                request.backup(), crisisManager, now());
                        List<AssignmentTask> checklist = checklist(assignment, role);
                        List<RoleAssignment> after = new ArrayList<>(before);
                        after.add(assignment);
                        return assignments.persist(assignment)
                                .chain(() -> persistAll(tasks, checklist))
                                .chain(() -> events.reassigned(crisis, crisisManager,
                                        "assigned " + request.person().subject() + " as " + role.name(),
                                        assignment.getAssignedAt(), asEvents(after)))
                                .invoke(() -> Log.infof("Crisis %s: %s assigned %s as %s", crisisId, crisisManager,
                                        request.person().subject(), role.name()))
                                .map(ignored -> AssignmentView.of(assignment, checklist.stream()
                                        .map(task -> TaskView.of(task, crisis.getActivatedAt(), now())).toList()));
                    });
                })));
    }

    @WithTransaction
    public Uni<Void> unassign(UUID crisisId, UUID assignmentId, String crisisManager) {
        return openCrisis(crisisId).chain(crisis -> assignments.findById(assignmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("assignment", assignmentId))
                .chain(assignment -> {
                    if (!assignment.getCrisisId().equals(crisisId)) {
                        return Uni.createFrom().failure(ProblemException.notFound("assignment", assignmentId));
                    }
                    return tasks.deleteOf(assignmentId)
                            .chain(() -> assignments.delete(assignment))
                            .chain(() -> assignments.ofCrisis(crisisId))
                            .map(left -> left.stream().filter(a -> !a.getId().equals(assignmentId)).toList())
                            .chain(left -> events.reassigned(crisis, crisisManager,
                                    "unassigned " + assignment.getSubject() + " from " + assignment.getRole(), now(),
                                    asEvents(left)))
                            .invoke(() -> Log.infof("Crisis %s: %s unassigned %s", crisisId, crisisManager,
                                    assignmentId));
                }));
    }

    @WithSession
    public Uni<List<AssignmentView>> ofCrisis(UUID crisisId) {
        return existingCrisis(crisisId).chain(crisis -> assignments.ofCrisis(crisisId)
                .chain(list -> withTasks(list).map(byAssignment -> list.stream()
                        .map(a -> AssignmentView.of(a, byAssignment.getOrDefault(a.getId(), List.of()).stream()
                                .map(task -> TaskView.of(task, crisis.getActivatedAt(), now())).toList()))
                        .toList())));
    }

    /** The caller's own assignments, newest first: nobody sees anyone else's here. */
    @WithSession
    public Uni<List<MyAssignmentView>> mine(String subject) {
        return assignments.ofSubject(subject).chain(list -> {
            List<UUID> crisisIds = list.stream().map(RoleAssignment::getCrisisId).distinct().toList();
            Uni<List<Crisis>> theirCrises = crisisIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : crises.list("id in ?1", crisisIds);
            return theirCrises.chain(found -> withTasks(list).map(byAssignment -> {
                Map<UUID, Crisis> byId = found.stream().collect(Collectors.toMap(Crisis::getId, c -> c));
                return list.stream().map(a -> {
                    Crisis crisis = byId.get(a.getCrisisId());
                    return new MyAssignmentView(a.getId(), crisis.getId(), crisis.getTitle(), crisis.getStatus(),
                            crisis.isDrill(), a.getRole(), a.isBackup(), a.getAssignedAt(),
                            byAssignment.getOrDefault(a.getId(), List.of()).stream()
                                    .map(task -> TaskView.of(task, crisis.getActivatedAt(), now())).toList());
                }).toList();
            }));
        });
    }

    /** The caller's briefing for a crisis; a crisis they are not on is "not found" for them. */
    @WithSession
    public Uni<Briefing> briefing(UUID crisisId, String subject) {
        return crises.findById(crisisId).chain(crisis -> crisis == null ? Uni.createFrom().nullItem()
                : assignments.ofCrisis(crisisId).chain(team -> {
                    List<RoleAssignment> mine = team.stream().filter(a -> a.getSubject().equals(subject)).toList();
                    if (mine.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    return playbooks.definition(new PlaybookRef(crisis.getPlaybookId(), crisis.getPlaybookVersion()))
                            .chain(plan -> withTasks(mine).map(byAssignment -> briefing(crisis, plan, mine, team,
                                    byAssignment)));
                }))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("briefing for crisis", crisisId));
    }

    /** Ticks (or reopens) a task of the caller's own checklist. */
    @WithTransaction
    public Uni<TaskView> markTask(UUID taskId, AssignmentTask.Status status, String subject) {
        return tasks.findById(taskId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("task", taskId))
                .chain(task -> assignments.findById(task.getAssignmentId()).chain(assignment -> {
                    if (!assignment.getSubject().equals(subject)) {
                        // Someone else's task: as for briefings, its existence is not revealed.
                        return Uni.createFrom().failure(ProblemException.notFound("task", taskId));
                    }
                    task.mark(status, subject, now());
                    return crises.findById(task.getCrisisId())
                            .map(crisis -> TaskView.of(task, crisis.getActivatedAt(), now()));
                }));
    }

    @WithTransaction
    public Uni<HolderView> addHolder(UUID playbookId, AssignRequest request) {
        return playbooks.currentRef(playbookId).chain(ref -> playbooks.definition(ref)).chain(plan -> {
            if (plan.role(request.role()) == null) {
                return Uni.createFrom().failure(unknownRole(request.role(), plan));
            }
            return holders.exists(playbookId, request.role(), request.person().subject()).chain(exists -> {
                if (exists) {
                    return Uni.createFrom().failure(ProblemException.conflict("already-assigned",
                            request.person().subject() + " already holds " + request.role() + " on playbook "
                                    + playbookId));
                }
                StandingHolder holder = StandingHolder.of(playbookId, request.role(), request.person(),
                        request.backup());
                return holders.persist(holder).map(HolderView::of);
            });
        });
    }

    @WithSession
    public Uni<List<HolderView>> holdersOf(UUID playbookId) {
        return playbooks.currentRef(playbookId)
                .chain(ref -> holders.ofPlaybook(playbookId))
                .map(list -> list.stream().map(HolderView::of).toList());
    }

    @WithTransaction
    public Uni<Void> removeHolder(UUID playbookId, UUID holderId) {
        return holders.findById(holderId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("standing holder", holderId))
                .chain(holder -> holder.getPlaybookId().equals(playbookId) ? holders.delete(holder)
                        : Uni.createFrom().failure(ProblemException.notFound("standing holder", holderId)));
    }

    /**
     * On activation, the playbook's standing holders join the crisis on the roles its version has, unless
     * already assigned; in the caller's transaction. Answers every holder afterwards, for the event.
     */
    public Uni<List<Assignment>> applyStandingHolders(Crisis crisis, String actor) {
        if (crisis.getPlaybookId() == null) {
            return holders(crisis.getId());
        }
        return playbooks.definition(new PlaybookRef(crisis.getPlaybookId(), crisis.getPlaybookVersion()))
                .chain(plan -> holders.ofPlaybook(crisis.getPlaybookId()).chain(standing ->
                        assignments.ofCrisis(crisis.getId()).chain(current -> {
                            List<RoleAssignment> added = new ArrayList<>();
                            List<AssignmentTask> checklists = new ArrayList<>();
                            for (StandingHolder holder : standing) {
                                PlaybookDefinition.Role role = plan.role(holder.getRole());
                                boolean already = current.stream().anyMatch(a -> a.getRole().equals(holder.getRole())
                                        && a.getSubject().equals(holder.getSubject()));
                                if (role != null && !already) {
                                    RoleAssignment assignment = RoleAssignment.of(crisis.getId(), role.name(),
                                            holder.person(), holder.isBackup(), actor, now());
                                    added.add(assignment);
                                    checklists.addAll(checklist(assignment, role));
                                }
                            }
                            List<RoleAssignment> all = new ArrayList<>(current);
                            all.addAll(added);
                            Log.infof("Crisis %s activated: %d standing holder(s) assigned", crisis.getId(),
                                    added.size());
                            return persistAll(assignments, added).chain(() -> persistAll(tasks, checklists))
                                    .map(ignored -> asEvents(all));
                        })));
    }

    /** The crisis' role holders as events carry them; in the caller's session. */
    public Uni<List<Assignment>> holders(UUID crisisId) {
        return assignments.ofCrisis(crisisId).map(AssignmentService::asEvents);
    }

    /** Open checklist tasks past their due time; in the caller's session. */
    public Uni<List<OverdueTask>> overdue(Crisis crisis) {
        if (crisis.getActivatedAt() == null) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = now();
        return assignments.ofCrisis(crisis.getId()).chain(list -> tasks.ofCrisis(crisis.getId()).map(all -> {
            Map<UUID, RoleAssignment> byId = list.stream().collect(Collectors.toMap(RoleAssignment::getId, a -> a));
            return all.stream().filter(task -> task.isOverdue(crisis.getActivatedAt(), now)).map(task -> {
                RoleAssignment a = byId.get(task.getAssignmentId());
                return new OverdueTask(task.getId(), a.getId(), a.getRole(), a.getSubject(), a.getUsername(),
                        task.getTitle(), task.dueAt(crisis.getActivatedAt()));
            }).toList();
        }));
    }

    private Briefing briefing(Crisis crisis, PlaybookDefinition plan, List<RoleAssignment> mine,
                              List<RoleAssignment> team, Map<UUID, List<AssignmentTask>> byAssignment) {
        List<BriefingRole> roles = mine.stream().map(a -> {
            PlaybookDefinition.Role role = plan.role(a.getRole());
            return new BriefingRole(a.getRole(), a.isBackup(), role != null ? role.responsibilities() : List.of(),
                    byAssignment.getOrDefault(a.getId(), List.of()).stream()
                            .map(task -> TaskView.of(task, crisis.getActivatedAt(), now())).toList());
        }).toList();
        String me = mine.get(0).getSubject();
        List<TeamMember> others = team.stream().filter(a -> !a.getSubject().equals(me))
                .map(a -> new TeamMember(a.getRole(), a.isBackup(), a.getUsername(), a.getEmail())).toList();
        PlaybookDefinition.Scenario scenario = plan.scenario();
        return new Briefing(crisis.getId(), crisis.getTitle(), crisis.getStatus(), crisis.getSeverity(),
                crisis.isDrill(), crisis.getActivatedAt(), scenario.name(), scenario.description(),
                scenario.strategy(), roles, others);
    }

    private Uni<Map<UUID, List<AssignmentTask>>> withTasks(List<RoleAssignment> list) {
        return tasks.ofAssignments(list.stream().map(RoleAssignment::getId).toList())
                .map(all -> all.stream().collect(Collectors.groupingBy(AssignmentTask::getAssignmentId)));
    }

    private static List<AssignmentTask> checklist(RoleAssignment assignment, PlaybookDefinition.Role role) {
        List<AssignmentTask> checklist = new ArrayList<>();
        for (int i = 0; i < role.tasks().size(); i++) {
            PlaybookDefinition.Task task = role.tasks().get(i);
            checklist.add(AssignmentTask.of(assignment, i, task.title(), task.dueOffsetMinutes()));
        }
        return checklist;
    }

    private Uni<Crisis> existingCrisis(UUID crisisId) {
        return crises.findById(crisisId).onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId));
    }

    /** Roles are assigned while a crisis is proposed or live, never once it is over. */
    private Uni<Crisis> openCrisis(UUID crisisId) {
        return existingCrisis(crisisId).chain(crisis -> {
            CrisisStatus status = crisis.getStatus();
            if (status != CrisisStatus.PROPOSED && !status.isLive()) {
                return Uni.createFrom().failure(ProblemException.conflict("crisis-closed",
                        "crisis " + crisisId + " is " + status + ": its roles can no longer change"));
            }
            return Uni.createFrom().item(crisis);
        });
    }

    private Uni<PlaybookDefinition.Role> roleOf(Crisis crisis, String roleName) {
        if (crisis.getPlaybookId() == null) {
            return Uni.createFrom().failure(ProblemException.conflict("no-playbook",
                    "crisis " + crisis.getId() + " follows no playbook, so it has no roles to assign"));
        }
        return playbooks.definition(new PlaybookRef(crisis.getPlaybookId(), crisis.getPlaybookVersion()))
                .chain(plan -> {
                    PlaybookDefinition.Role role = plan.role(roleName);
                    return role != null ? Uni.createFrom().item(role)
                            : Uni.createFrom().failure(unknownRole(roleName, plan));
                });
    }

    private static ProblemException unknownRole(String roleName, PlaybookDefinition plan) {
        String known = plan.roles().stream().map(PlaybookDefinition.Role::name).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return ProblemException.invalid("unknown-role", "role " + roleName + " is not in the playbook; it has: "
                + known, List.of(new Problem.FieldError("role", "unknown role; the playbook has: " + known)));
    }

    /** Panache refuses to persist an empty list; nothing to write is not an error here. */
    private static <T> Uni<Void> persistAll(PanacheRepositoryBase<T, UUID> repository, List<T> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(entities);
    }

    private static List<Assignment> asEvents(List<RoleAssignment> list) {
        return list.stream().map(a -> new Assignment(a.getSubject(), a.getUsername(), a.getEmail(), a.getRole(),
                a.isBackup())).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
