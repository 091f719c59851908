package io.firebreak.playbook.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.Severity;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.playbook.PlaybookDtos.LessonView;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookRef;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookSummary;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

@ApplicationScoped
public class PlaybookService {

    private final PlaybookRepository playbooks;
    private final PlaybookVersionRepository versions;
    private final PlaybookTriggerRepository triggers;
    private final LessonRepository lessons;
    private final ObjectMapper json;
    private final Clock clock;

    public PlaybookService(PlaybookRepository playbooks, PlaybookVersionRepository versions,
                           PlaybookTriggerRepository triggers, LessonRepository lessons, ObjectMapper json,
                           Clock clock) {
        this.playbooks = playbooks;
        this.lessons = lessons;
        this.versions = versions;
        this.triggers = triggers;
        this.json = json;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PlaybookView> create(PlaybookDefinition definition, String admin) {
        Playbook playbook;
        try {
            validate(definition);
            playbook = Playbook.created(definition, now());
        } catch (ProblemException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return playbooks.persist(playbook)
                .chain(() -> store(playbook, definition, admin))
                .invoke(view -> Log.infof("Playbook %s created by %s", playbook.getId(), admin));
    }

    /**
     * Editing never changes a stored version: it saves the next one and makes it current. The open lessons named
     * in {@code addresses} are marked addressed by that version; all of them must be this playbook's open lessons,
     * or nothing is saved.
     */
    @WithTransaction
    public Uni<PlaybookView> revise(UUID id, PlaybookDefinition definition, List<UUID> addresses, String admin) {
        try {
            validate(definition);
        } catch (ProblemException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        List<UUID> addressed = addresses == null ? List.of() : addresses.stream().distinct().toList();
        return existing(id).chain(playbook -> lessons.openOf(id).chain(open -> {
            Map<UUID, Lesson> openById = open.stream().collect(Collectors.toMap(Lesson::getId, l -> l));
            List<Problem.FieldError> errors = addressed.stream().filter(lessonId -> !openById.containsKey(lessonId))
                    .map(lessonId -> new Problem.FieldError("addresses",
                            "lesson " + lessonId + " is not an open lesson of playbook " + id))
                    .toList();
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid("unknown-lesson",
                        errors.stream().map(Problem.FieldError::message).collect(Collectors.joining("; ")), errors));
            }
            int next = playbook.revise(definition, now());
            addressed.forEach(lessonId -> openById.get(lessonId).addressedIn(next, admin, now()));
            return triggers.deleteOf(id).chain(() -> store(playbook, definition, admin));
        })).invoke(view -> Log.infof("Playbook %s revised to version %d by %s, addressing %d lesson(s)", id,
                view.version(), admin, addressed.size()));
    }

    @WithSession
    public Uni<List<PlaybookSummary>> list() {
        return playbooks.byName().map(list -> list.stream().map(PlaybookSummary::of).toList());
    }

    @WithSession
    public Uni<PlaybookView> current(UUID id) {
        return existing(id).chain(playbook -> view(playbook, playbook.getCurrentVersion()));
    }

    @WithSession
    public Uni<PlaybookView> version(UUID id, int number) {
        return existing(id).chain(playbook -> view(playbook, number));
    }

    /** The definition a crisis follows; in the caller's session. */
    public Uni<PlaybookDefinition> definition(PlaybookRef ref) {
        return versions.find(ref.id(), ref.version())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("playbook version",
                        ref.id() + " v" + ref.version()))
                .map(version -> read(version.getDefinition()));
    }

    /** The current version of a playbook, for a crisis proposed by hand with it; in the caller's session. */
    public Uni<PlaybookRef> currentRef(UUID id) {
        return existing(id).map(playbook -> new PlaybookRef(playbook.getId(), playbook.getCurrentVersion()));
    }

    /**
     * The playbook a signal proposes, in its current version, or null when none matches. When several match,
     * the most demanding threshold wins: it is the more specific plan.
     */
    public Uni<PlaybookRef> matching(UUID watchId, Severity severity) {
        if (watchId == null || severity == null) {
            return Uni.createFrom().nullItem();
        }
        return triggers.metBy(watchId, severity).chain(met -> met.isEmpty()
                ? Uni.createFrom().<PlaybookRef>nullItem()
                : playbooks.findById(met.get(0).getPlaybookId())
                        .map(playbook -> new PlaybookRef(playbook.getId(), playbook.getCurrentVersion())));
    }

    private Uni<PlaybookView> store(Playbook playbook, PlaybookDefinition definition, String admin) {
        PlaybookVersion version = PlaybookVersion.of(playbook, write(definition), admin, playbook.getUpdatedAt());
        List<PlaybookTrigger> rows = definition.triggers().stream()
                .map(trigger -> PlaybookTrigger.of(playbook.getId(), trigger)).toList();
        return versions.persist(version)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : triggers.persist(rows))
                .chain(() -> withLessons(playbook.getId(), version.getNumber(), (open, addressed) ->
                        new PlaybookView(playbook.getId(), version.getNumber(), playbook.getCurrentVersion(), admin,
                                version.getCreatedAt(), definition, open, addressed)));
    }

    private Uni<PlaybookView> view(Playbook playbook, int number) {
        return versions.find(playbook.getId(), number)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("playbook version",
                        playbook.getId() + " v" + number))
                .chain(version -> withLessons(playbook.getId(), number, (open, addressed) ->
                        new PlaybookView(playbook.getId(), number, playbook.getCurrentVersion(),
                                version.getCreatedBy(), version.getCreatedAt(), read(version.getDefinition()), open,
                                addressed)));
    }

    private <T> Uni<T> withLessons(UUID playbookId, int version,
                                   BiFunction<List<LessonView>, List<LessonView>, T> view) {
        return lessons.openOf(playbookId).chain(open -> lessons.addressedIn(playbookId, version)
                .map(addressed -> view.apply(open.stream().map(LessonView::of).toList(),
                        addressed.stream().map(LessonView::of).toList())));
    }

    private Uni<Playbook> existing(UUID id) {
        return playbooks.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("playbook", id));
    }

    private static void validate(PlaybookDefinition definition) {
        List<Problem.FieldError> errors = PlaybookValidator.violations(definition).stream()
                .map(violation -> new Problem.FieldError(violation.field(), violation.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-playbook", errors.stream()
                    .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")), errors);
        }
    }

    private String write(PlaybookDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a playbook definition", e);
        }
    }

    private PlaybookDefinition read(String definition) {
        try {
            return json.readValue(definition, PlaybookDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored playbook definition is unreadable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
