package io.firebreak.playbook.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTemplatesTest {

    private static final ReplyTemplate OUTAGE_FR = new ReplyTemplate("outage-fr", "fr", Complaint.OUTAGE,
            "{{author}} nous sommes désolés : l'application est en panne, nos équipes la rétablissent.");
    private static final ReplyTemplate OUTAGE_EN = new ReplyTemplate("outage-en", "en", Complaint.OUTAGE,
            "{{author}} we are sorry: the app is down and our teams are restoring it.");
    private static final ReplyTemplate OTHER_EN = new ReplyTemplate("other-en", "en", Complaint.OTHER,
            "{{author}} thank you, we hear you and will come back to you.");
    private static final List<ReplyTemplate> TEMPLATES = List.of(OUTAGE_FR, OUTAGE_EN, OTHER_EN);

    @Test
    void picksTheTemplateForTheLanguageAndComplaint() {
        assertThat(ReplyTemplates.pick(TEMPLATES, "fr", Complaint.OUTAGE)).contains(OUTAGE_FR);
        assertThat(ReplyTemplates.pick(TEMPLATES, "en", Complaint.OUTAGE)).contains(OUTAGE_EN);
    }

    @Test
    void fallsBackToTheLanguagesGeneralAnswerThenToNothing() {
        assertThat(ReplyTemplates.pick(TEMPLATES, "en", Complaint.REFUND)).contains(OTHER_EN);
        assertThat(ReplyTemplates.pick(TEMPLATES, "fr", Complaint.REFUND)).isEmpty();
        assertThat(ReplyTemplates.pick(TEMPLATES, "de", Complaint.OUTAGE)).isEmpty();
    }

    @Test
    void unknownLanguageTakesTheFirstTemplateForTheComplaint() {
        assertThat(ReplyTemplates.pick(TEMPLATES, null, Complaint.OUTAGE)).contains(OUTAGE_FR);
        assertThat(ReplyTemplates.pick(TEMPLATES, null, Complaint.DATA)).contains(OTHER_EN);
    }

    @Test
    void rendersTheAuthorAsAHandle() {
        assertThat(ReplyTemplates.render(OUTAGE_EN, "jeanne@mastodon.social"))
                .startsWith("@jeanne@mastodon.social we are sorry");
        assertThat(ReplyTemplates.render(OUTAGE_EN, "@bob")).startsWith("@bob we are sorry");
        assertThat(ReplyTemplates.render(OUTAGE_EN, null)).startsWith("we are sorry");
    }

    @Test
    void findsATemplateByKey() {
        assertThat(ReplyTemplates.byKey(TEMPLATES, "other-en")).contains(OTHER_EN);
        assertThat(ReplyTemplates.byKey(TEMPLATES, "nope")).isEmpty();
    }
}
