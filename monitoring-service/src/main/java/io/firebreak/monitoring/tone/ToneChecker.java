package io.firebreak.monitoring.tone;

import io.firebreak.monitoring.sentiment.Language;
import io.firebreak.monitoring.sentiment.LanguageDetector;
import io.firebreak.monitoring.sentiment.TextFolding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags aggressive, contemptuous, blaming, sarcastic or evasive wording in a draft statement, French or
 * English, with the rules of {@code /tone/rules.txt} plus two of its own: shouting (three words in a row in
 * capitals) and piled-up exclamation marks. The rules of both languages are applied to every text, since
 * statements mix them ("no comment" in a French tweet). Thread-safe.
 */
public final class ToneChecker {

    private static final String RULES = "/tone/rules.txt";
    private static final int MAX_FINDINGS_BEFORE_REFUSAL = 3;
    private static final Pattern SHOUTING = Pattern.compile("\\b\\p{Lu}{3,}(?:[\\s,]+\\p{Lu}{2,}){2,}\\b");
    private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}|[!?]{3,}");

    private final List<Rule> rules;

    public ToneChecker() {
        this.rules = load();
    }

    /** Checks a statement; a null language is detected from the text (it is only reported). */
    public ToneReport check(String text, Language language) {
        String safe = text == null ? "" : text;
        String folded = fold(safe);
        List<ToneFinding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(folded);
            while (matcher.find()) {
                findings.add(new ToneFinding(rule.category(), rule.severity(), matcher.start(), matcher.end(),
                        safe.substring(matcher.start(), matcher.end()), rule.reason()));
            }
        }
        Language lang = language != null ? language : LanguageDetector.detect(safe);
        addOwn(safe, SHOUTING, lang == Language.FR
                ? "Écrire en capitales revient à crier" : "Writing in capitals reads as shouting", findings);
        addOwn(safe, EXCLAMATIONS, lang == Language.FR
                ? "Les points d'exclamation répétés paraissent agressifs"
                : "Repeated exclamation marks read as aggressive", findings);
        findings.sort(Comparator.comparingInt(ToneFinding::start).thenComparingInt(ToneFinding::end));
        return new ToneReport(verdict(findings), lang, List.copyOf(findings));
    }

    private static void addOwn(String text, Pattern pattern, String reason, List<ToneFinding> findings) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            findings.add(new ToneFinding(ToneCategory.AGGRESSIVE, ToneSeverity.MINOR, matcher.start(), matcher.end(),
                    matcher.group(), reason));
        }
    }

    private static ToneVerdict verdict(List<ToneFinding> findings) {
        if (findings.isEmpty()) {
            return ToneVerdict.COURTEOUS;
        }
        boolean major = findings.stream().anyMatch(finding -> finding.severity() == ToneSeverity.MAJOR);
        return major || findings.size() >= MAX_FINDINGS_BEFORE_REFUSAL ? ToneVerdict.REFUSED : ToneVerdict.NEEDS_REVIEW;
    }

    /** Lower case without accents, one character for one, so that match offsets are offsets in the text. */
    private static String fold(String text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = TextFolding.fold(text.charAt(i));
        }
        return new String(chars);
    }

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = ToneChecker.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RULES);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 4) {
                    throw new IllegalStateException("Tone rule needs 4 tab-separated fields: " + line);
                }
                String regex = "(?<![\\p{L}\\p{N}])(?:" + parts[2].replace(" ", "\\s+") + ")(?![\\p{L}\\p{N}])";
                rules.add(new Rule(ToneCategory.valueOf(parts[0]), ToneSeverity.valueOf(parts[1]),
                        Pattern.compile(regex), parts[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RULES, e);
        }
        return List.copyOf(rules);
    }

    private record Rule(ToneCategory category, ToneSeverity severity, Pattern pattern, String reason) {
    }
}
