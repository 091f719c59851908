package io.firebreak.playbook.playbook;

import io.firebreak.events.Severity;
import java.util.List;
import java.util.UUID;

/**
 * What an admin writes in peacetime: one version of a playbook. Stored whole and never changed once
 * saved; editing a playbook stores a new definition under the next version number.
 */
public record PlaybookDefinition(
        Scenario scenario,
        List<Trigger> triggers,
        List<Role> roles,
        List<Template> templates,
        List<Audience> audiences,
        List<ReplyTemplate> replyTemplates,
        ReplyApproval replyApproval) {

    public PlaybookDefinition {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        roles = roles == null ? List.of() : List.copyOf(roles);
        templates = templates == null ? List.of() : List.copyOf(templates);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        replyTemplates = replyTemplates == null ? List.of() : List.copyOf(replyTemplates);
        replyApproval = replyApproval == null ? ReplyApproval.TEMPLATE_AFTER_TONE_CHECK : replyApproval;
    }

    /** A playbook without reply templates, under the default reply policy. */
    public PlaybookDefinition(Scenario scenario, List<Trigger> triggers, List<Role> roles, List<Template> templates,
                              List<Audience> audiences) {
        this(scenario, triggers, roles, templates, audiences, null, null);
    }

    public enum ScenarioType { OUTAGE, DATA_BREACH, PRODUCT_RECALL, EXECUTIVE_MISCONDUCT, SOCIAL_BACKLASH }

    public enum Phase { HOLDING, UPDATE, APOLOGY, CLOSING }

    public record Scenario(String name, ScenarioType type, String description, String strategy) {
    }

    /** A signal on {@code watchId} at {@code minSeverity} or worse proposes a crisis with this playbook. */
    public record Trigger(UUID watchId, Severity minSeverity) {
    }

    public record Role(String name, List<String> responsibilities, List<Task> tasks) {

        public Role {
            responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** A checklist task, due {@code dueOffsetMinutes} after the crisis is activated. */
    public record Task(String title, Integer dueOffsetMinutes) {
    }

    /** {@code channel}: a publishing-service channel id or a platform name (x, linkedin, website...). */
    public record Template(Phase phase, String channel, String language, String text) {
    }

    /** Who is addressed (customers, press, employees, investors...) and on which channels. */
    public record Audience(String name, List<String> channels) {

        public Audience {
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /** What a critic complains about, which picks the reply template to start from. */
    public enum Complaint { OUTAGE, DELAY, REFUND, DATA, OTHER }

    /**
     * Who lets a reply to a critic go out. TEMPLATE_AFTER_TONE_CHECK: a reply that is exactly its rendered template
     * goes out once the tone check finds it courteous; anything else needs an approver. ALWAYS_APPROVER: every reply
     * needs an approver other than its author.
     */
    public enum ReplyApproval { TEMPLATE_AFTER_TONE_CHECK, ALWAYS_APPROVER }

    /**
     * A pre-approved answer to one typical complaint in one language; {@code key} names it (unique in the
     * playbook), {@code text} may use {@code {{author}}}, the critic's handle.
     */
    public record ReplyTemplate(String key, String language, Complaint complaint, String text) {
    }

    public Role role(String name) {
        return roles.stream().filter(role -> role.name() != null && role.name().equals(name)).findFirst()
                .orElse(null);
    }
}
