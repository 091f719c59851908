package io.firebreak.notification.delivery;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Renders the crisis alert e-mail in the recipient's language from the Qute templates under {@code mail/}. */
@ApplicationScoped
public class MailComposer {

    private final Engine engine;

    public MailComposer(Engine engine) {
        this.engine = engine;
    }

    public record ComposedMail(String subject, String text, String html) {
    }

    public ComposedMail crisisAlert(String language, Map<String, Object> data) {
        return new ComposedMail(render("mail/crisis-alert-subject." + language + ".txt", data).strip(),
                render("mail/crisis-alert." + language + ".txt", data),
                render("mail/crisis-alert." + language + ".html", data));
    }

    private String render(String id, Map<String, Object> data) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no mail template " + id);
        }
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }
}
