package io.firebreak.monitoring.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WatchQueryTest {

    private static boolean matches(String query, String post) {
        return WatchQuery.parse(query).matches(post);
    }

    @Test
    void aKeywordMatchesWholeWordsIgnoringCaseAndAccents() {
        assertThat(matches("societe", "La Société Générale encore en panne")).isTrue();
        assertThat(matches("Générale", "la generale est en panne")).isTrue();
        assertThat(matches("acme", "ACME is down")).isTrue();
        assertThat(matches("acme", "acmebank is down")).isFalse();
    }

    @Test
    void termsSideBySideMustAllAppear() {
        assertThat(matches("acme outage", "Acme: another outage today")).isTrue();
        assertThat(matches("acme outage", "Acme is great")).isFalse();
        assertThat(matches("acme AND outage", "outage at acme")).isTrue();
    }

    @Test
    void orNeedsEitherAndBindsLooserThanAnd() {
        WatchQuery query = WatchQuery.parse("acme bank OR acmebank");

        assertThat(query.matches("my acme bank account")).isTrue();
        assertThat(query.matches("acmebank down")).isTrue();
        assertThat(query.matches("acme store")).isFalse();
        assertThat(matches("(panne OR bug) acme", "gros bug chez Acme")).isTrue();
    }

    @Test
    void quotedPhrasesMatchTheirWordsInARow() {
        assertThat(matches("\"service client\"", "Le Service   Client ne répond pas")).isTrue();
        assertThat(matches("\"service client\"", "le client du service")).isFalse();
        assertThat(matches("«service client»", "service client")).isTrue();
    }

    @Test
    void exclusionsRemovePosts() {
        WatchQuery query = WatchQuery.parse("acme -job -\"we are hiring\"");

        assertThat(query.matches("acme app crashed")).isTrue();
        assertThat(query.matches("acme job offer")).isFalse();
        assertThat(query.matches("Acme: we are hiring!")).isFalse();
        assertThat(matches("acme NOT job", "acme job")).isFalse();
    }

    @Test
    void hashtagsAndHandlesMatchOnlyAsSuch() {
        assertThat(matches("#acmefail", "Again! #AcmeFail")).isTrue();
        assertThat(matches("#acmefail", "acmefail")).isFalse();
        assertThat(matches("@acme", "@Acme why is it down?")).isTrue();
        assertThat(matches("@acme", "acme why is it down?")).isFalse();
        assertThat(matches("acmefail", "#acmefail")).isTrue();
    }

    @Test
    void unbalancedQuotesNameThePositionOfTheOpeningQuote() {
        assertThatThrownBy(() -> WatchQuery.parse("acme \"service client"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("quote")
                .hasMessageContaining("position 5")
                .extracting(e -> ((QuerySyntaxException) e).position()).isEqualTo(5);
    }

    @Test
    void malformedQueriesAreRefusedWithAPosition() {
        assertThatThrownBy(() -> WatchQuery.parse("(acme OR bank")).hasMessageContaining("parenthesis")
                .hasMessageContaining("position 0");
        assertThatThrownBy(() -> WatchQuery.parse("acme)")).hasMessageContaining("position 4");
        assertThatThrownBy(() -> WatchQuery.parse("acme OR")).hasMessageContaining("OR needs a term");
        assertThatThrownBy(() -> WatchQuery.parse("-job")).hasMessageContaining("only exclude");
        assertThatThrownBy(() -> WatchQuery.parse("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> WatchQuery.parse("acme \"\"")).hasMessageContaining("Empty phrase");
    }
}
