package io.firebreak.monitoring.tone;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.monitoring.sentiment.Language;
import org.junit.jupiter.api.Test;

class ToneCheckerTest {

    private static final ToneChecker CHECKER = new ToneChecker();

    private static ToneReport check(String text) {
        return CHECKER.check(text, null);
    }

    @Test
    void aCourteousApologyPassesInBothLanguages() {
        ToneReport english = check("We are sorry for yesterday's outage. Our teams restored the service at 6 pm "
                + "and we will publish what happened by Friday.");
        ToneReport french = check("Nous vous présentons nos excuses pour la panne d'hier. Le service est rétabli "
                + "et nous publierons les causes d'ici vendredi.");

        assertThat(english.verdict()).isEqualTo(ToneVerdict.COURTEOUS);
        assertThat(english.findings()).isEmpty();
        assertThat(english.language()).isEqualTo(Language.EN);
        assertThat(french.verdict()).isEqualTo(ToneVerdict.COURTEOUS);
        assertThat(french.language()).isEqualTo(Language.FR);
    }

    @Test
    void noCommentIsRefusedAsEvasiveWithItsSpan() {
        ToneReport report = check("Regarding the leak: no comment.");

        assertThat(report.verdict()).isEqualTo(ToneVerdict.REFUSED);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.category()).isEqualTo(ToneCategory.EVASIVE);
            assertThat(finding.start()).isEqualTo(20);
            assertThat(finding.end()).isEqualTo(30);
            assertThat(finding.excerpt()).isEqualTo("no comment");
            assertThat(finding.reason()).isNotBlank();
        });
    }

    @Test
    void decliningResponsibilityIsEvasiveInEnglishAndFrench() {
        assertThat(check("We decline any responsibility for the delays.").findings())
                .extracting(ToneFinding::category).containsExactly(ToneCategory.EVASIVE);
        assertThat(check("Sans commentaire.").findings())
                .extracting(ToneFinding::excerpt).containsExactly("Sans commentaire");
        assertThat(check("Ce n’est pas de notre faute si le réseau est tombé.").findings())
                .extracting(ToneFinding::excerpt).containsExactly("Ce n’est pas de notre faute");
    }

    @Test
    void spansPointIntoTheTextAsWrittenWithItsAccents() {
        String text = "Évidemment, nous déclinons toute responsabilité.";

        ToneReport report = check(text);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.excerpt()).isEqualTo("déclinons toute responsabilité");
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo(finding.excerpt());
        });
    }

    @Test
    void blamingMaliciousUsersIsRefused() {
        ToneReport report = check("Certains internautes mal intentionnés relaient de fausses informations.");

        assertThat(report.verdict()).isEqualTo(ToneVerdict.REFUSED);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.category()).isEqualTo(ToneCategory.BLAMING);
            assertThat(finding.excerpt()).isEqualTo("Certains internautes mal intentionnés");
        });
        assertThat(check("It is your own fault for ignoring the update.").findings())
                .extracting(ToneFinding::category).containsExactly(ToneCategory.BLAMING);
    }

    @Test
    void contemptAndInsultsAreRefused() {
        assertThat(check("These ridiculous accusations do not deserve an answer.").findings())
                .extracting(ToneFinding::category).containsExactly(ToneCategory.CONTEMPTUOUS);
        assertThat(check("Seuls quelques râleurs se plaignent.").findings())
                .extracting(ToneFinding::category).containsExactly(ToneCategory.CONTEMPTUOUS);
        assertThat(check("Only an idiot would believe that.").verdict()).isEqualTo(ToneVerdict.REFUSED);
    }

    @Test
    void tellingCriticsToStopComplainingIsRefusedInBothLanguages() {
        ToneReport english = check("@tom Stop whining and read the FAQ like everyone else.");
        ToneReport french = check("@marie Arrêtez de vous plaindre et lisez la FAQ avant de poster.");

        assertThat(english.verdict()).isEqualTo(ToneVerdict.REFUSED);
        assertThat(english.findings()).extracting(ToneFinding::excerpt)
                .contains("Stop whining", "read the FAQ like");
        assertThat(french.verdict()).isEqualTo(ToneVerdict.REFUSED);
        assertThat(french.findings()).extracting(ToneFinding::category).containsOnly(ToneCategory.CONTEMPTUOUS);
        assertThat(check("We are sorry: please read the FAQ page for the workaround while we fix it.").verdict())
                .as("pointing to help is not contempt").isEqualTo(ToneVerdict.COURTEOUS);
    }

    @Test
    void sarcasmAloneNeedsReview() {
        ToneReport report = check("Merci pour rien, vraiment.");

        assertThat(report.verdict()).isEqualTo(ToneVerdict.NEEDS_REVIEW);
        assertThat(report.findings()).extracting(ToneFinding::category).containsExactly(ToneCategory.SARCASTIC);
    }

    @Test
    void shoutingAndPiledUpExclamationsAreFlagged() {
        ToneReport report = check("We fixed it. PLEASE STOP POSTING this!!!");

        assertThat(report.findings()).extracting(ToneFinding::excerpt).containsExactly("PLEASE STOP POSTING", "!!!");
        assertThat(report.verdict()).isEqualTo(ToneVerdict.NEEDS_REVIEW);
    }

    @Test
    void threeMinorFindingsAreRefused() {
        ToneReport report = check("Mistakes were made. Thanks for nothing!! Yeah right.");

        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(finding -> finding.severity() == ToneSeverity.MINOR);
        assertThat(report.verdict()).isEqualTo(ToneVerdict.REFUSED);
    }

    @Test
    void wordsThatOnlyContainAFlaggedWordAreNotFlagged() {
        assertThat(check("Our idiomatic guide explains the commentary.").findings()).isEmpty();
    }
}
