package io.firebreak.devstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The posts the demo replays about Banque Horizon, a fictional bank: a calm baseline of everyday French and
 * English posts, then the surge of angry ones when its app goes down. Written for the demo, combined at random
 * (seeded, so every run tells the same story).
 */
final class DemoPosts {

    private static final List<String> CALM_EN = List.of(
            "Opened my savings account with Horizon Bank today, quick and easy",
            "Anyone knows if Horizon Bank branches are open on Saturday?",
            "Horizon Bank app just showed me my monthly budget, nice touch",
            "Paid the rent with the Horizon Bank app, as usual",
            "Horizon Bank customer service answered my question in five minutes, thanks",
            "Thinking about a mortgage with Horizon Bank, any advice?");
    private static final List<String> CALM_FR = List.of(
            "Compte ouvert chez Banque Horizon aujourd'hui, rapide et simple",
            "Quelqu'un sait si les agences Banque Horizon ouvrent le samedi ?",
            "L'appli Banque Horizon m'a fait un bilan de mes dépenses, pratique",
            "Virement fait depuis l'appli Banque Horizon, comme d'habitude",
            "Le conseiller Banque Horizon m'a rappelé dans la journée, merci",
            "Je compare les prêts immobiliers, Banque Horizon a l'air correct");
    private static final List<String> ANGRY_EN = List.of(
            "Horizon Bank app is DOWN again, I can't pay anything. Absolutely useless!!",
            "Stuck at the checkout because the Horizon Bank app won't load. Ridiculous #HorizonDown",
            "@HorizonBank my salary is there and I can't even see it, this is a disgrace",
            "Third hour without access to my account at Horizon Bank. Worst bank ever",
            "Horizon Bank app crashed, no message, no apology, nothing. Terrible service",
            "Can't log in to Horizon Bank, can't transfer money, and no one answers the phone #HorizonDown");
    private static final List<String> ANGRY_FR = List.of(
            "L'appli Banque Horizon est encore en panne, impossible de payer. Nul !!",
            "Bloqué en caisse parce que l'appli Banque Horizon ne charge pas. Scandaleux #HorizonDown",
            "@BanqueHorizon mon salaire est arrivé et je ne peux même pas le voir, honteux",
            "Trois heures sans accès à mon compte chez Banque Horizon. La pire banque",
            "Appli Banque Horizon plantée, aucun message, aucune excuse. Service lamentable",
            "Impossible de me connecter à Banque Horizon et personne ne répond au téléphone #HorizonDown");

    private final Random random = new Random(20261123L);

    /** {@code perMinute} calm posts a minute from {@code from} to {@code until}. */
    List<Map<String, Object>> calm(Instant from, Instant until, int perMinute, String runId) {
        return spread(from, until, perMinute, CALM_EN, CALM_FR, 40, runId, "calm");
    }

    /** {@code perMinute} angry posts a minute from {@code from} to {@code until}, some of them from big accounts. */
    List<Map<String, Object>> angry(Instant from, Instant until, int perMinute, String runId) {
        return spread(from, until, perMinute, ANGRY_EN, ANGRY_FR, 400, runId, "angry");
    }

    private List<Map<String, Object>> spread(Instant from, Instant until, int perMinute, List<String> englishTexts,
                                             List<String> frenchTexts, int typicalReach, String runId, String kind) {
        List<Map<String, Object>> posts = new ArrayList<>();
        long minutes = Math.max(1, Duration.between(from, until).toMinutes());
        for (long minute = 0; minute < minutes; minute++) {
            for (int i = 0; i < perMinute; i++) {
                boolean french = random.nextInt(100) < 55;
                List<String> texts = french ? frenchTexts : englishTexts;
                Instant at = from.plusSeconds(minute * 60 + random.nextInt(60));
                long reach = (long) (typicalReach * Math.exp(random.nextGaussian() * 1.5));
                Map<String, Object> post = new java.util.LinkedHashMap<>();
                post.put("source", "demo");
                post.put("externalId", runId + "-" + kind + "-" + minute + "-" + i);
                post.put("author", (french ? "@client" : "@customer") + random.nextInt(5000));
                post.put("text", texts.get(random.nextInt(texts.size())));
                post.put("language", french ? "fr" : "en");
                post.put("url", "https://social.example/" + runId + "/" + kind + "/" + minute + "/" + i);
                post.put("publishedAt", at.toString());
                post.put("reach", reach);
                post.put("engagement", reach / 20 + random.nextInt(10));
                posts.add(post);
            }
        }
        return posts;
    }
}
