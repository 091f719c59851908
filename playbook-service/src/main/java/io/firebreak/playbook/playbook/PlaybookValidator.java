package io.firebreak.playbook.playbook;

import io.firebreak.playbook.playbook.PlaybookDefinition.Audience;
import io.firebreak.playbook.playbook.PlaybookDefinition.Phase;
import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyTemplate;
import io.firebreak.playbook.playbook.PlaybookDefinition.Role;
import io.firebreak.playbook.playbook.PlaybookDefinition.Task;
import io.firebreak.playbook.playbook.PlaybookDefinition.Template;
import io.firebreak.playbook.playbook.PlaybookDefinition.Trigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a playbook version must meet; each violation names the field at fault. */
public final class PlaybookValidator {

    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 5000;
    /** A reply answers one post: it is short. */
    static final int REPLY_TEXT_MAX = 1000;
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");
    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");

    /** One broken rule: {@code field} is a path into the definition, such as {@code roles[1].responsibilities}. */
    public record Violation(String field, String message) {
    }

    private PlaybookValidator() {
    }

    public static List<Violation> violations(PlaybookDefinition playbook) {
        List<Violation> found = new ArrayList<>();
        if (playbook.scenario() == null) {
            found.add(new Violation("scenario", "must not be null"));
        } else {
            text(found, "scenario.name", playbook.scenario().name(), NAME_MAX);
            if (playbook.scenario().type() == null) {
                found.add(new Violation("scenario.type", "must not be null"));
            }
            text(found, "scenario.strategy", playbook.scenario().strategy(), TEXT_MAX);
        }
        triggers(found, playbook.triggers());
        roles(found, playbook.roles());
        templates(found, playbook.templates());
        audiences(found, playbook.audiences());
        replyTemplates(found, playbook.replyTemplates());
        return found;
    }

    private static void triggers(List<Violation> found, List<Trigger> triggers) {
        for (int i = 0; i < triggers.size(); i++) {
            Trigger trigger = triggers.get(i);
            if (trigger == null || trigger.watchId() == null) {
                found.add(new Violation("triggers[" + i + "].watchId", "must not be null"));
            }
            if (trigger == null || trigger.minSeverity() == null) {
                found.add(new Violation("triggers[" + i + "].minSeverity", "must not be null"));
            }
        }
    }

    private static void roles(List<Violation> found, List<Role> roles) {
        if (roles.isEmpty()) {
            found.add(new Violation("roles", "a playbook needs at least one role"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            String at = "roles[" + i + "]";
            Role role = roles.get(i);
            if (role == null) {
                found.add(new Violation(at, "must not be null"));
                continue;
            }
            if (text(found, at + ".name", role.name(), NAME_MAX) && !names.add(role.name().strip())) {
                found.add(new Violation(at + ".name", "role " + role.name() + " appears twice"));
            }
            if (role.responsibilities().isEmpty()
                    || role.responsibilities().stream().anyMatch(r -> r == null || r.isBlank())) {
                found.add(new Violation(at + ".responsibilities", "a role needs at least one responsibility, none blank"));
            }
            for (int t = 0; t < role.tasks().size(); t++) {
                Task task = role.tasks().get(t);
                String taskAt = at + ".tasks[" + t + "]";
                if (task == null) {
                    found.add(new Violation(taskAt, "must not be null"));
                    continue;
                }
                text(found, taskAt + ".title", task.title(), NAME_MAX);
                if (task.dueOffsetMinutes() == null || task.dueOffsetMinutes() < 0) {
                    found.add(new Violation(taskAt + ".dueOffsetMinutes", "must be zero or more minutes"));
                }
            }
        }
    }

    private static void templates(List<Violation> found, List<Template> templates) {
        boolean apology = false;
        for (int i = 0; i < templates.size(); i++) {
            String at = "templates[" + i + "]";
            Template template = templates.get(i);
            if (template == null) {
                found.add(new Violation(at, "must not be null"));
                continue;
            }
            if (template.phase() == null) {
                found.add(new Violation(at + ".phase", "must not be null"));
            }
            apology |= template.phase() == Phase.APOLOGY;
            text(found, at + ".channel", template.channel(), NAME_MAX);
            if (template.language() == null || !LANGUAGE.matcher(template.language()).matches()) {
                found.add(new Violation(at + ".language", "must be an ISO 639 code such as en or fr"));
            }
            if (text(found, at + ".text", template.text(), TEXT_MAX)) {
                TemplateText.problem(template.text()).ifPresent(problem -> found.add(new Violation(at + ".text", problem)));
            }
        }
        if (!apology) {
            // Closing a crisis needs an apology (or a recorded decision not to): prepare it in peacetime.
            found.add(new Violation("templates", "missing apology template (phase APOLOGY)"));
        }
    }

    private static void replyTemplates(List<Violation> found, List<ReplyTemplate> templates) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            String at = "replyTemplates[" + i + "]";
            ReplyTemplate template = templates.get(i);
            if (template == null) {
                found.add(new Violation(at, "must not be null"));
                continue;
            }
            if (template.key() == null || !KEY.matcher(template.key()).matches()) {
                found.add(new Violation(at + ".key", "must be 1 to 100 lower-case letters, digits, '.', '_' or '-'"));
            } else if (!keys.add(template.key())) {
                found.add(new Violation(at + ".key", "reply template " + template.key() + " appears twice"));
            }
            if (template.language() == null || !LANGUAGE.matcher(template.language()).matches()) {
                found.add(new Violation(at + ".language", "must be an ISO 639 code such as en or fr"));
            }
            if (template.complaint() == null) {
                found.add(new Violation(at + ".complaint", "must be one of OUTAGE, DELAY, REFUND, DATA, OTHER"));
            }
            if (text(found, at + ".text", template.text(), REPLY_TEXT_MAX)) {
                TemplateText.problem(template.text(), TemplateText.REPLY_KNOWN)
                        .ifPresent(problem -> found.add(new Violation(at + ".text", problem)));
            }
        }
    }

    private static void audiences(List<Violation> found, List<Audience> audiences) {
        for (int i = 0; i < audiences.size(); i++) {
            String at = "audiences[" + i + "]";
            Audience audience = audiences.get(i);
            if (audience == null) {
                found.add(new Violation(at, "must not be null"));
                continue;
            }
            text(found, at + ".name", audience.name(), NAME_MAX);
            if (audience.channels().isEmpty() || audience.channels().stream().anyMatch(c -> c == null || c.isBlank())) {
                found.add(new Violation(at + ".channels", "an audience needs at least one channel, none blank"));
            }
        }
    }

    /** True when the text is present and fits; otherwise records why not. */
    private static boolean text(List<Violation> found, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            found.add(new Violation(field, "must not be blank"));
            return false;
        }
        if (value.length() > max) {
            found.add(new Violation(field, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }
}
