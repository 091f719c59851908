package io.firebreak.playbook.reply;

import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyTemplate;
import io.firebreak.playbook.playbook.TemplateText;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which of a playbook's reply templates answers a mention, and its text for that mention's author. */
public final class ReplyTemplates {

    private ReplyTemplates() {
    }

    /**
     * The template for this language and complaint; else the language's OTHER template (a general, courteous answer
     * beats none); else nothing. A mention whose language is unknown is answered in the first language the playbook
     * has a template for this complaint in.
     */
    public static Optional<ReplyTemplate> pick(List<ReplyTemplate> templates, String language, Complaint complaint) {
        if (language == null) {
            return templates.stream().filter(t -> t.complaint() == complaint).findFirst()
                    .or(() -> templates.stream().filter(t -> t.complaint() == Complaint.OTHER).findFirst());
        }
        return templates.stream().filter(t -> t.language().equals(language) && t.complaint() == complaint)
                .findFirst()
                .or(() -> templates.stream()
                        .filter(t -> t.language().equals(language) && t.complaint() == Complaint.OTHER).findFirst());
    }

    public static Optional<ReplyTemplate> byKey(List<ReplyTemplate> templates, String key) {
        return templates.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The template's text addressed to {@code author} ({@code @handle}; nothing when the author is unknown). */
    public static String render(ReplyTemplate template, String author) {
        return TemplateText.render(template.text(), Map.of(TemplateText.AUTHOR, handle(author))).strip();
    }

    static String handle(String author) {
        if (author == null || author.isBlank()) {
            return "";
        }
        String name = author.strip();
        return name.startsWith("@") ? name : "@" + name;
    }
}
