package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A mail rendered once per crisis and language, then filled in, reads exactly as one rendered per recipient. */
@QuarkusTest
class MailComposerTest {

    @Inject
    MailComposer composer;

    @Inject
    Engine engine;

    @Test
    void theFilledInMailIsTheOneTheTemplatesRenderForThatRecipient() {
        for (String language : new String[] {"en", "fr"}) {
            for (boolean backup : new boolean[] {false, true}) {
                MailComposer.Shared shared = new MailComposer.Shared(language, "Paiement bloqué 😡 <outage> & \"fraud\"",
                        "active", "CRITICAL", true, backup, "http://localhost:8080/crises/c1/briefing",
                        "2026-11-25T06:00Z");
                assertSame(shared, "O'Neil <admin>", "Legal & compliance", "http://localhost/api/ack/n1.17.sig");
                assertSame(shared, "bob", "Spokesperson", "http://localhost/api/ack/n2.17.sig?x=1&y=2");
                assertSame(shared, "Zoë Ångström", "Porte-parole", "http://localhost/api/ack/n3.17.sig");
            }
        }
    }

    private void assertSame(MailComposer.Shared shared, String name, String role, String ackUrl) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", name);
        data.put("title", shared.title());
        data.put("status", shared.status());
        data.put("severity", shared.severity());
        data.put("critical", shared.critical());
        data.put("role", role);
        data.put("backup", shared.backup());
        data.put("briefingUrl", shared.briefingUrl());
        data.put("ackUrl", ackUrl);
        data.put("expiresAt", shared.expiresAt());
        String language = shared.language();

        MailComposer.ComposedMail composed = composer.crisisAlert(shared, name, role, ackUrl);

        assertThat(composed.subject()).isEqualTo(render("mail/crisis-alert-subject." + language + ".txt", data)
                .strip());
        assertThat(composed.text()).isEqualTo(render("mail/crisis-alert." + language + ".txt", data));
        // The HTML part is ASCII (characters beyond it as references) on one line, and reads as the render once
        // decoded: its line breaks are spaces, which HTML reads alike.
        assertThat(composed.html()).matches("\\p{ASCII}*").doesNotContain("<admin>").doesNotContain("\n");
        assertThat(decodeReferences(composed.html()))
                .isEqualTo(render("mail/crisis-alert." + language + ".html", data).replace('\n', ' '));
    }

    private static String decodeReferences(String html) {
        return Pattern.compile("&#x([0-9a-f]+);").matcher(html).replaceAll(reference ->
                Matcher.quoteReplacement(Character.toString(Integer.parseInt(reference.group(1), 16))));
    }

    private String render(String id, Map<String, Object> data) {
        TemplateInstance instance = engine.getTemplate(id).instance();
        data.forEach(instance::data);
        return instance.render();
    }
}
