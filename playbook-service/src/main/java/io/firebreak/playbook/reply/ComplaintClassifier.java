package io.firebreak.playbook.reply;

import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a critic complains about, from French and English keywords: the complaint with the most keyword hits wins;
 * on a tie the more serious one (data, then refund, outage, delay), since answering a data worry as a mere delay
 * would add fuel. No hit: OTHER. Accents and case are ignored, so "donnees" and "données" count alike.
 */
public final class ComplaintClassifier {

    /** Word stems (accent-free, lower case), matched at the start of a word. In order of seriousness. */
    private static final Map<Complaint, List<String>> STEMS = new LinkedHashMap<>();

    static {
        STEMS.put(Complaint.DATA, List.of("donnee", "data", "privacy", "vie privee", "rgpd", "gdpr", "fuite", "leak",
                "breach", "pirat", "hack", "mot de passe", "password", "personal information",
                "informations personnelles", "vol de donnees", "stolen"));
        STEMS.put(Complaint.REFUND, List.of("rembours", "refund", "money back", "mon argent", "my money",
                "compensation", "dedommag", "indemn", "debite", "preleve", "charged", "frais", "fees", "facture"));
        STEMS.put(Complaint.OUTAGE, List.of("panne", "down", "outage", "ne marche", "marche pas", "ne fonctionne",
                "fonctionne pas", "bug", "plante", "crash", "inaccessible", "hors service", "not working",
                "doesn't work", "doesnt work", "does not work", "can't log", "cannot log", "impossible de me connecter",
                "impossible de se connecter", "connexion impossible", "erreur", "error", "broken", "offline"));
        STEMS.put(Complaint.DELAY, List.of("retard", "delay", "late", "toujours pas", "still waiting", "still no",
                "attend", "waiting", "delai", "en attente", "jamais recu", "never arrived", "never received",
                "not received", "pas recu", "des heures", "for hours", "depuis des jours", "for days"));
    }

    private static final Map<Complaint, List<Pattern>> PATTERNS = new LinkedHashMap<>();

    static {
        STEMS.forEach((complaint, stems) -> PATTERNS.put(complaint, stems.stream()
                .map(stem -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(stem))).toList()));
    }

    private ComplaintClassifier() {
    }

    public static Complaint classify(String text) {
        if (text == null || text.isBlank()) {
            return Complaint.OTHER;
        }
        String normalised = normalise(text);
        Complaint best = Complaint.OTHER;
        int bestHits = 0;
        for (Map.Entry<Complaint, List<Pattern>> entry : PATTERNS.entrySet()) {
            int hits = 0;
            for (Pattern pattern : entry.getValue()) {
                var matcher = pattern.matcher(normalised);
                while (matcher.find()) {
                    hits++;
                }
            }
            // Strictly more: on a tie the earlier (more serious) complaint stays.
            if (hits > bestHits) {
                best = entry.getKey();
                bestHits = hits;
            }
        }
        return best;
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
