package io.firebreak.playbook.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Severity;
import io.firebreak.playbook.playbook.PlaybookDefinition.Audience;
import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyApproval;
import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyTemplate;
import io.firebreak.playbook.playbook.PlaybookDefinition.Phase;
import io.firebreak.playbook.playbook.PlaybookDefinition.Role;
import io.firebreak.playbook.playbook.PlaybookDefinition.Scenario;
import io.firebreak.playbook.playbook.PlaybookDefinition.ScenarioType;
import io.firebreak.playbook.playbook.PlaybookDefinition.Task;
import io.firebreak.playbook.playbook.PlaybookDefinition.Template;
import io.firebreak.playbook.playbook.PlaybookDefinition.Trigger;
import io.firebreak.playbook.playbook.PlaybookValidator.Violation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaybookValidatorTest {

    private static final Scenario SCENARIO = new Scenario("Data breach", ScenarioType.DATA_BREACH, "Leak",
            "Tell customers first");
    private static final Role DPO = new Role("dpo", List.of("Notify the regulator"),
            List.of(new Task("Call the regulator", 60)));
    private static final Template APOLOGY = new Template(Phase.APOLOGY, "website", "fr",
            "{{brand}} vous présente ses excuses.");

    private static PlaybookDefinition playbook(List<Role> roles, List<Template> templates) {
        return new PlaybookDefinition(SCENARIO, List.of(new Trigger(UUID.randomUUID(), Severity.MEDIUM)), roles,
                templates, List.of(new Audience("customers", List.of("website"))));
    }

    private static List<String> fields(PlaybookDefinition playbook) {
        return PlaybookValidator.violations(playbook).stream().map(Violation::field).toList();
    }

    @Test
    void completePlaybookHasNoViolation() {
        assertThat(PlaybookValidator.violations(playbook(List.of(DPO), List.of(APOLOGY)))).isEmpty();
    }

    @Test
    void unknownPlaceholderNamesTheTemplateText() {
        Template holding = new Template(Phase.HOLDING, "x", "en", "{{brand}} is looking at {{cause}}");
        List<Violation> violations = PlaybookValidator.violations(playbook(List.of(DPO), List.of(holding, APOLOGY)));
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("templates[0].text");
            assertThat(violation.message()).contains("{{cause}}");
        });
    }

    @Test
    void missingApologyTemplateIsNamed() {
        Template holding = new Template(Phase.HOLDING, "x", "en", "We are on it.");
        assertThat(fields(playbook(List.of(DPO), List.of(holding)))).containsExactly("templates");
    }

    @Test
    void roleWithoutResponsibilitiesIsNamed() {
        Role empty = new Role("lawyer", List.of(), List.of());
        assertThat(fields(playbook(List.of(DPO, empty), List.of(APOLOGY))))
                .containsExactly("roles[1].responsibilities");
    }

    @Test
    void duplicateRoleAndNegativeDueOffsetAreNamed() {
        Role late = new Role("dpo", List.of("Again"), List.of(new Task("Too early", -5)));
        assertThat(fields(playbook(List.of(DPO, late), List.of(APOLOGY))))
                .containsExactly("roles[1].name", "roles[1].tasks[0].dueOffsetMinutes");
    }

    @Test
    void badLanguageAndBlankChannelAreNamed() {
        Template odd = new Template(Phase.APOLOGY, " ", "French", "Sorry.");
        assertThat(fields(playbook(List.of(DPO), List.of(odd))))
                .containsExactly("templates[0].channel", "templates[0].language");
    }

    @Test
    void missingScenarioAndRolesAreNamed() {
        PlaybookDefinition empty = new PlaybookDefinition(null, null, null, List.of(APOLOGY), null);
        assertThat(fields(empty)).containsExactly("scenario", "roles");
    }

    @Test
    void replyTemplatesNameTheFieldAtFault() {
        PlaybookDefinition withReplies = new PlaybookDefinition(SCENARIO, List.of(), List.of(DPO), List.of(APOLOGY),
                List.of(), List.of(
                new ReplyTemplate("outage-fr", "fr", Complaint.OUTAGE, "{{author}} nous sommes désolés."),
                new ReplyTemplate("outage-fr", "fr", Complaint.DELAY, "Désolés du retard."),
                new ReplyTemplate("Bad Key", "french", null, "Hello {{customer}}"),
                new ReplyTemplate("long", "en", Complaint.OTHER, "x".repeat(1001))), null);

        assertThat(fields(withReplies)).containsExactlyInAnyOrder("replyTemplates[1].key", "replyTemplates[2].key",
                "replyTemplates[2].language", "replyTemplates[2].complaint", "replyTemplates[2].text",
                "replyTemplates[3].text");
        assertThat(PlaybookValidator.violations(withReplies)).filteredOn(v -> v.field().equals("replyTemplates[2].text"))
                .extracting(Violation::message).singleElement().asString().contains("{{customer}}", "author");
    }

    @Test
    void replyPolicyDefaultsToTemplateAfterToneCheck() {
        assertThat(playbook(List.of(DPO), List.of(APOLOGY)).replyApproval())
                .isEqualTo(ReplyApproval.TEMPLATE_AFTER_TONE_CHECK);
        assertThat(playbook(List.of(DPO), List.of(APOLOGY)).replyTemplates()).isEmpty();
    }
}
