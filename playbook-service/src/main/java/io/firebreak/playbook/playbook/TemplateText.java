package io.firebreak.playbook.playbook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Statement templates: {@code {{placeholder}}} syntax, the placeholders we know, and rendering. */
public final class TemplateText {

    public static final String BRAND = "brand";
    public static final String INCIDENT_SUMMARY = "incident_summary";
    public static final String NEXT_UPDATE_TIME = "next_update_time";
    public static final String LINK = "link";
    public static final List<String> KNOWN = List.of(BRAND, INCIDENT_SUMMARY, NEXT_UPDATE_TIME, LINK);
    /** The critic a reply answers, as {@code @handle}: the only placeholder of reply templates. */
    public static final String AUTHOR = "author";
    public static final List<String> REPLY_KNOWN = List.of(AUTHOR);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]*)\\s*}}");

    private TemplateText() {
    }

    /** The placeholders a text uses, in order of first appearance. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** What is wrong with a template's text, if anything: an unknown or malformed placeholder. */
    public static Optional<String> problem(String text) {
        return problem(text, KNOWN);
    }

    /** The same, for a template whose placeholders are {@code known}. */
    public static Optional<String> problem(String text, List<String> known) {
        for (String name : placeholders(text)) {
            if (!known.contains(name)) {
                return Optional.of("unknown placeholder {{" + name + "}}; known: " + String.join(", ", known));
            }
        }
        String withoutPlaceholders = PLACEHOLDER.matcher(text).replaceAll("");
        if (withoutPlaceholders.contains("{{") || withoutPlaceholders.contains("}}")) {
            return Optional.of("malformed placeholder: write {{name}}");
        }
        return Optional.empty();
    }

    /**
     * Fills every placeholder from {@code values}; a placeholder without a value is left as it is so that the
     * communicator sees what is still to write.
     */
    public static String render(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }
}
