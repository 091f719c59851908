package io.firebreak.playbook.reply;

import static io.restassured.RestAssured.given;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.playbook.client.Mentions;
import io.firebreak.playbook.client.Mentions.Mention;
import io.firebreak.playbook.client.PublishingStub;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.firebreak.playbook.review.ReviewFixtures;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;

/** A playbook with reply templates, a live crisis on a watch, and its critics as monitoring-service has them. */
public final class ReplyFixtures {

    public static final String COLE = TestTokens.of("cole", "communicator");
    public static final String ABE = TestTokens.of("abe", "approver");
    public static final String OUTAGE_FR = "{{author}} nous sommes désolés : l'application est en panne. "
            + "Nos équipes la rétablissent, nous vous tenons informé ici.";
    public static final String OUTAGE_EN = "{{author}} we are sorry: the app is down. Our teams are restoring it "
            + "and we will keep you posted here.";
    public static final String COURTEOUS = "We are truly sorry for the trouble. Could you send us a private message "
            + "so that we look at your account today?";
    public static final String RUDE = "no comment, some ill-intentioned users are spreading lies";

    private ReplyFixtures() {
    }

    /**
     * The bank-outage playbook with French and English reply templates, under {@code policy} (null: the default),
     * planning the channels given (channel ids of {@link PublishingStub}).
     */
    public static String playbook(String policy, String... channels) {
        String base = PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH");
        String planned = String.join("\", \"", channels);
        String replies = """
                  "replyTemplates": [
                    {"key": "outage-fr", "language": "fr", "complaint": "OUTAGE", "text": "%s"},
                    {"key": "outage-en", "language": "en", "complaint": "OUTAGE", "text": "%s"},
                    {"key": "other-en", "language": "en", "complaint": "OTHER",
                     "text": "{{author}} thank you for telling us. We hear you and will come back to you here."}
                  ],%s
                  "audiences": [{"name": "critics", "channels": ["%s"]},""".formatted(OUTAGE_FR, OUTAGE_EN,
                policy == null ? "" : "\n  \"replyApproval\": \"" + policy + "\",", planned);
        return PlaybookFixtures.create(base.replace("\"audiences\": [", replies));
    }

    /** An ACTIVE crisis on {@code watch} following {@code playbookId}. */
    public static String crisis(UUID watch, String playbookId) {
        String id = given().auth().oauth2(ReviewFixtures.CAROL).contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbookId
                        + "\",\"watchId\":\"" + watch + "\"}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
        ReviewFixtures.post(ReviewFixtures.CAROL, "/api/crises/" + id + "/activate", "{\"reason\":\"confirmed\"}", 200);
        return id;
    }

    /** A live crisis under the default policy, planning the Mastodon and LinkedIn channels. */
    public static String crisis(UUID watch) {
        return crisis(watch, playbook(null, PublishingStub.MASTODON, PublishingStub.LINKEDIN));
    }

    /** An angry French Mastodon post about the outage, known to monitoring-service. */
    public static Mention angryFrench(UUID watch) {
        return known(Mention.on(watch, "mastodon", "jeanne", "fr",
                "L'appli est encore en panne, impossible de me connecter. Vous êtes nuls !"));
    }

    public static Mention known(Mention mention) {
        Mentions.stub(mention);
        return mention;
    }

    /** Drafts a reply as {@code token}; answers its id. */
    public static String draft(String token, String crisisId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(201).extract().path("id");
    }

    public static String mentionOnly(Mention mention) {
        return "{\"mentionId\":\"" + mention.id() + "\"}";
    }

    public static String withText(Mention mention, String text) {
        return "{\"mentionId\":\"" + mention.id() + "\",\"text\":\"" + text + "\"}";
    }

    /** A reply waiting for an approver: a courteous free-written one, sent by cole. */
    public static String pending(String crisisId, Mention mention) {
        String id = draft(COLE, crisisId, withText(mention, COURTEOUS));
        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send").then().statusCode(200);
        return id;
    }

    public static List<Mention> list(Mention... mentions) {
        return List.of(mentions);
    }
}
