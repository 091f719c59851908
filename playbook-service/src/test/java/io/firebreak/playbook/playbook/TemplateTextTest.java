package io.firebreak.playbook.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

    @Test
    void rendersEveryPlaceholderItHasAValueFor() {
        String text = "{{brand}} knows about {{ incident_summary }}. Next update at {{next_update_time}}.";
        assertThat(TemplateText.render(text, Map.of("brand", "Acme Bank", "incident_summary", "the app outage",
                "next_update_time", "14:00 CET")))
                .isEqualTo("Acme Bank knows about the app outage. Next update at 14:00 CET.");
    }

    @Test
    void placeholderWithoutValueStaysVisible() {
        assertThat(TemplateText.render("More: {{link}}", Map.of())).isEqualTo("More: {{link}}");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(TemplateText.render("{{brand}}", Map.of("brand", "$1 \\ Co"))).isEqualTo("$1 \\ Co");
    }

    @Test
    void unknownAndMalformedPlaceholdersAreProblems() {
        assertThat(TemplateText.problem("Hello {{customer}}")).get().asString().contains("{{customer}}");
        assertThat(TemplateText.problem("Hello {{brand}")).get().asString().contains("malformed");
        assertThat(TemplateText.problem("Hello {{brand}}, see {{link}}")).isEmpty();
    }

    @Test
    void placeholdersAreListedOnceInOrder() {
        assertThat(TemplateText.placeholders("{{link}} {{brand}} {{link}}")).containsExactly("link", "brand");
    }
}
