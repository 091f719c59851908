package io.firebreak.notification.delivery;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the crisis alert e-mail in the recipient's language from the Qute templates under {@code mail/}: once
 * per crisis, language and backup flag (a crisis mails thousands of people at once), each recipient's name, role
 * and acknowledge link then filled in.
 */
@ApplicationScoped
public class MailComposer {

    /** Prepared mails kept: a few crises at once, two languages, primary and backup, a new expiry each minute. */
    private static final int CACHED = 256;

    private final Engine engine;
    private final Map<Shared, PreparedMail> prepared = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shared, PreparedMail> eldest) {
            return size() > CACHED;
        }
    };

    public MailComposer(Engine engine) {
        this.engine = engine;
    }

    public record ComposedMail(String subject, String text, String html) {
    }

    /** What the alert says that is the same for everyone it reaches in this language. */
    public record Shared(String language, String title, String status, String severity, boolean critical,
                         boolean backup, String briefingUrl, String expiresAt) {
    }

    /** The alert for one recipient. */
    public ComposedMail crisisAlert(Shared shared, String name, String role, String ackUrl) {
        PreparedMail mail;
        synchronized (prepared) {
            mail = prepared.get(shared);
        }
        if (mail == null) {
            // Two threads may both render a new one: the same result, so either may be kept.
            mail = prepare(shared);
            synchronized (prepared) {
                prepared.put(shared, mail);
            }
        }
        return mail.fill(Map.of("name", name, "role", role, "ackUrl", ackUrl));
    }

    private PreparedMail prepare(Shared shared) {
        Map<String, Object> data = new HashMap<>();
        data.put("title", shared.title());
        data.put("status", shared.status());
        data.put("severity", shared.severity());
        data.put("critical", shared.critical());
        data.put("backup", shared.backup());
        data.put("briefingUrl", shared.briefingUrl());
        data.put("expiresAt", shared.expiresAt());
        data.put("name", PreparedMail.slot("name"));
        data.put("role", PreparedMail.slot("role"));
        data.put("ackUrl", PreparedMail.slot("ackUrl"));
        String language = shared.language();
        return PreparedMail.of(render("mail/crisis-alert-subject." + language + ".txt", data).strip(),
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
